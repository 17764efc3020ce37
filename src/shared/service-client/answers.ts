// Schemas of the answers read outside the pane's full contract, in zod/mini: the launch-event
// bundle (40 KB gzip budget) parses them, and classic zod does not tree-shake. Each is a subset of
// the contract's schema (zod objects drop the fields they do not name); a test parses the
// service's real answers with both. Only the schema kinds the bundle already carries for the
// appointment state (object, string, number, enum, nullable, default): each further kind (optional,
// literal, union) costs this bundle about 0.5 KB gzip.
import * as z from "zod/mini";

/**
 * From `ClientConfig`: where the API is, and how this runtime may get a token (`tokenUrl` is the
 * emulator's, "" with MSAL).
 */
export const ConfigAnswer = z.object({
  apiBaseUrl: z.string().check(z.minLength(1)),
  signIn: z.object({
    kind: z.enum(["msal", "emulator"]),
    tokenUrl: z._default(z.string(), ""),
  }),
});

/** The Entra ID emulator's token answer (embedded default only); the service verifies the token. */
export const TokenAnswer = z.object({
  access_token: z.string().check(z.minLength(1)),
  /** Seconds; the emulator always says, five minutes when not. */
  expires_in: z._default(z.number().check(z.positive()), 300),
});

/** As `UtcDateTime` in the contract (the service writes UTC instants). */
const Instant = z.iso.datetime();

/** From `MeetingResponse`: the booking's window as the service now has it. */
export const WindowAnswer = z.object({
  booking: z.object({ start: Instant, end: Instant, seriesEnd: z.nullable(Instant) }),
});
