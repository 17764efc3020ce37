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
