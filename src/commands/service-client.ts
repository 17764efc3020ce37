// The launch-event runtime's way to the booking service: only used off the happy path (the
// appointment's times changed). The same client as the pane's (src/shared/service-client), with
// the zod/mini answers that fit this bundle's 40 KB. Absolute URLs only (classic Outlook's
// JavaScript-only runtime has no page origin); a token only where this runtime can get one
// without UI.
import { API_PREFIX, MANAGE_KEY_HEADER } from "../shared/contract/names";
import type { BookingWindow } from "../shared/contract/window";
import { ConfigAnswer, TokenAnswer, WindowAnswer } from "../shared/service-client/answers";
import { emulatorUser } from "../shared/service-client/sign-in";
import { type Exchange, exchange } from "../shared/service-client/exchange";

/** The add-in origin written in at build time (webpack DefinePlugin). */
declare const __ADDIN_ORIGIN__: string;

/** An event handler must finish quickly: one attempt, and no call may take longer than this. */
const CALL_TIMEOUT_MS = 2_500;

/** The web runtime's page knows its origin; the JavaScript-only runtime uses the built-in one. */
export function serviceOrigin(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && /^https?:\/\//.test(origin) ? origin : __ADDIN_ORIGIN__;
}

function absolute(origin: string, url: string): string {
  return /^https?:\/\//.test(url) ? url : `${origin}${url.startsWith("/") ? "" : "/"}${url}`;
}

/** One attempt, no retry: an event handler has only a few seconds. */
function call<T>(what: Exchange<T>): Promise<T> {
  return exchange(
    { fetch: (url, init) => fetch(url, init as RequestInit), timeoutMs: CALL_TIMEOUT_MS },
    what,
  );
}

/**
 * A token for the service, where this runtime can get one without showing UI. The
 * embedded default's Entra ID emulator hands one out; in production (MSAL sign-in in the pane)
 * Office's silent SSO gives one where the manifest carries WebApplicationInfo for the API
 * (docs/deploy.md). MSAL itself is not bundled here: it would not fit the 40 KB budget, and NAA
 * does not reach an event handler. Rejects where there is none (a ServiceError when the service
 * cannot be asked, Office's error when it cannot give one silently).
 */
export async function serviceToken(
  origin: string,
  userEmail: string,
  officeToken: () => Promise<string>,
): Promise<{ token: string; apiBase: string }> {
  const config = await call({
    method: "GET",
    url: `${origin}${API_PREFIX}/client-config`,
    schema: ConfigAnswer,
  });
  const apiBase = absolute(origin, config.apiBaseUrl);
  const { kind, tokenUrl } = config.signIn;
  // A config naming no token URL is not the embedded default's: Office's SSO or nothing.
  if (kind === "msal" || tokenUrl === "") return { token: await officeToken(), apiBase };
  const answer = await call({
    method: "POST",
    url: absolute(origin, tokenUrl),
    body: { user: emulatorUser(userEmail) },
    schema: TokenAnswer,
  });
  return { token: answer.access_token, apiBase };
}

/** PATCHes the booking's window; the window as the service now has it. */
export async function updateWindow(
  access: { token: string; apiBase: string },
  booking: { bookingId: string; manageKey: string },
  window: BookingWindow,
): Promise<BookingWindow> {
  const answer = await call({
    method: "PATCH",
    url: `${access.apiBase}/meetings/${encodeURIComponent(booking.bookingId)}`,
    headers: { authorization: `Bearer ${access.token}`, [MANAGE_KEY_HEADER]: booking.manageKey },
    body: window,
    schema: WindowAnswer,
  });
  return answer.booking;
}
