// The launch-event runtime's way to the booking service: only used off the happy path (the
// appointment's times changed). Absolute URLs only (classic Outlook's JavaScript-only runtime has
// no page origin); a token only where this runtime can get one without UI.
import { API_PREFIX, MANAGE_KEY_HEADER } from "../shared/contract/names";
import type { BookingWindow } from "../shared/contract/window";

/** The add-in origin written in at build time (webpack DefinePlugin). */
declare const __ADDIN_ORIGIN__: string;

const CALL_TIMEOUT_MS = 2_500;

/** The web runtime's page knows its origin; the JavaScript-only runtime uses the built-in one. */
export function serviceOrigin(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && /^https?:\/\//.test(origin) ? origin : __ADDIN_ORIGIN__;
}

function absolute(origin: string, url: string): string {
  return /^https?:\/\//.test(url) ? url : `${origin}${url.startsWith("/") ? "" : "/"}${url}`;
}

async function call(url: string, init?: RequestInit): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([fetch(url, init), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A token for the service, or null where this runtime cannot get one without showing UI. The
 * embedded default's Entra ID emulator hands one out; in production (MSAL sign-in in the pane)
 * Office's silent SSO gives one where the manifest carries WebApplicationInfo for the API
 * (docs/deploy.md). MSAL itself is not bundled here: it would not fit the 40 KB budget, and NAA
 * does not reach an event handler.
 */
export async function serviceToken(
  origin: string,
  userEmail: string,
  officeToken: () => Promise<string>,
): Promise<{ token: string; apiBase: string } | null> {
  const config = readConfig(await (await call(`${origin}${API_PREFIX}/client-config`)).json());
  if (!config) return null;
  const apiBase = absolute(origin, config.apiBaseUrl);
  if (config.tokenUrl === null) return { token: await officeToken(), apiBase };
  const user = userEmail.slice(0, Math.max(0, userEmail.indexOf("@"))) || userEmail;
  const answer = await call(absolute(origin, config.tokenUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user }),
  });
  if (!answer.ok) return null;
  const { access_token: token } = ((await answer.json()) ?? {}) as { access_token?: unknown };
  return typeof token === "string" ? { token, apiBase } : null;
}

/** PATCHes the booking's window; the booking as the service now has it, or null on any failure. */
export async function updateWindow(
  access: { token: string; apiBase: string },
  booking: { bookingId: string; manageKey: string },
  window: BookingWindow,
): Promise<BookingWindow | null> {
  const answer = await call(`${access.apiBase}/meetings/${encodeURIComponent(booking.bookingId)}`, {
    method: "PATCH",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${access.token}`,
      [MANAGE_KEY_HEADER]: booking.manageKey,
    },
    body: JSON.stringify(window),
  });
  if (!answer.ok) return null;
  return readWindow(await answer.json());
}

// The two answers below are checked field by field rather than with the contract's zod schemas:
// classic zod does not tree-shake and would not fit this bundle's 40 KB. Only the fields read here
// are trusted, and each is checked.

/**
 * From `ClientConfig`: the API's base and, for the embedded default, where tokens are handed
 * out (null: production sign-in, the token comes from Office).
 */
function readConfig(value: unknown): { tokenUrl: string | null; apiBaseUrl: string } | null {
  const config = value as {
    signIn?: { kind?: unknown; tokenUrl?: unknown };
    apiBaseUrl?: unknown;
  } | null;
  const apiBaseUrl = config?.apiBaseUrl;
  if (typeof apiBaseUrl !== "string" || !apiBaseUrl) return null;
  if (config?.signIn?.kind === "msal") return { tokenUrl: null, apiBaseUrl };
  const tokenUrl = config?.signIn?.kind === "emulator" ? config.signIn.tokenUrl : undefined;
  return typeof tokenUrl === "string" && tokenUrl ? { tokenUrl, apiBaseUrl } : null;
}

/** From `MeetingResponse`: the booking's window as the service now has it. */
function readWindow(value: unknown): BookingWindow | null {
  const booking = (
    value as { booking?: { start?: unknown; end?: unknown; seriesEnd?: unknown } } | null
  )?.booking;
  const instant = (v: unknown): v is string =>
    typeof v === "string" && !Number.isNaN(Date.parse(v));
  if (!booking || !instant(booking.start) || !instant(booking.end)) return null;
  if (booking.seriesEnd !== null && !instant(booking.seriesEnd)) return null;
  return { start: booking.start, end: booking.end, seriesEnd: booking.seriesEnd };
}
