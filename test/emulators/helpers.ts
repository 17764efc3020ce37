// Small helpers for talking to the emulators over loopback, as a real client would.

export const BASIC_AUTH =
  "Basic " + Buffer.from("svm-api:dev-password-not-for-production").toString("base64");

export const CONF = "/api/admin/configuration/v1/conference/";
export const ALIAS = "/api/admin/configuration/v1/conference_alias/";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (undefined when it is empty or not JSON). */
  body: unknown;
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: string | undefined;
  if (options.form) {
    headers["content-type"] ??= "application/x-www-form-urlencoded";
    payload = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers["content-type"] ??= "application/json";
    payload = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(base + path, { method, headers, body: payload, redirect: "manual" });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** A Pexip client with the emulator's default Basic account. */
export function pexip(base: string, auth = BASIC_AUTH) {
  return (method: string, path: string, body?: unknown) =>
    call(base, method, path, { body, headers: { authorization: auth } });
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse("2030-03-04T09:00:00Z")) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** An app-only Graph token from the Entra emulator, by the real client-credentials flow. */
export async function graphAppToken(
  entra: { url: string; tenantId: string },
  clientId = "c0ffee00-5e55-4a11-9d0c-000000000a91",
  secret = "dev-secret-not-for-production",
): Promise<string> {
  const res = await call(entra.url, "POST", `/${entra.tenantId}/oauth2/v2.0/token`, {
    form: {
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: secret,
      scope: "https://graph.microsoft.com/.default",
    },
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.text}`);
  return (res.body as { access_token: string }).access_token;
}

/** A Graph client with a bearer token. */
export function graph(base: string, token: string) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(base, method, path, { body, headers: { authorization: `Bearer ${token}`, ...headers } });
}
