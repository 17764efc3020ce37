import { z } from "zod";

/** What the service returns: always UTC with `Z`, as `Date.prototype.toISOString` writes it. */
export const UtcDateTime = z.iso.datetime();
export type UtcDateTime = z.infer<typeof UtcDateTime>;

/**
 * What clients may send: UTC or with an offset (`2026-11-27T10:00:00+01:00`). Outlook hands the
 * pane UTC `Date`s, but a hand-written request with an offset is still an unambiguous instant.
 */
export const DateTimeInput = z.iso.datetime({ offset: true });
export type DateTimeInput = z.infer<typeof DateTimeInput>;

/** Teams and Pexip both refuse absurd windows; a day is far beyond any care meeting. */
export const MAX_MEETING_DURATION_MS = 24 * 60 * 60 * 1000;
