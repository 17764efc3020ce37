// `Idempotency-Key` on create: the same key from the same user returns the same booking, also
// while the first request is still running or ran on another instance. The primary key of
// idempotency_records decides who runs; the others wait for its outcome.
import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../errors";
import type { MeetingWindow, Organizer } from "../providers/video-provider";
import { type BookingDeps, iso, later } from "./context";
import { findRecord, insertPending, takeOverFailed } from "./idempotency.repository";

export type Claim =
  { kind: "fresh"; bookingId: string } | { kind: "replay"; bookingId: string; manageKey: string };

/** What makes two creates "the same request": type and window (not the locale of the answer). */
export function requestHash(type: string, window: MeetingWindow): string {
  const canonical = JSON.stringify([
    type,
    iso(window.start),
    iso(window.end),
    window.seriesEnd ? iso(window.seriesEnd) : null,
  ]);
  return createHash("sha256").update(canonical).digest("base64url");
}

const POLL_MS = 25;

export async function claimIdempotencyKey(
  deps: BookingDeps,
  user: Organizer,
  key: string,
  hash: string,
  owner: string,
): Promise<Claim> {
  const k = { oid: user.oid, tid: user.tid, key };
  const bookingId = randomUUID();
  const now = deps.clock();
  const expires = later(now, deps.idempotencyTtlMs);
  const fresh = {
    organizer_oid: user.oid,
    organizer_tid: user.tid,
    idem_key: key,
    request_hash: hash,
    booking_id: bookingId,
    status: "pending" as const,
    manage_key_enc: null,
    owner,
    created_at: iso(now),
    expires_at: expires,
  };
  const giveUpAt = performance.now() + deps.idempotencyWaitMs;
  for (;;) {
    if (await insertPending(deps.db, fresh)) return { kind: "fresh", bookingId };
    const record = await findRecord(deps.db, k);
    if (record === undefined) continue; // purged between our insert and read: insert again
    if (record.request_hash !== hash)
      throw new AppError("idempotency_conflict", "same Idempotency-Key, different request");
    if (record.status === "done" && record.manage_key_enc !== null) {
      const manageKey = deps.box.open(record.manage_key_enc, `idem:${record.booking_id}`);
      return { kind: "replay", bookingId: record.booking_id, manageKey };
    }
    if (record.status === "failed") {
      if (await takeOverFailed(deps.db, k, bookingId, owner, expires))
        return { kind: "fresh", bookingId };
      continue;
    }
    if (performance.now() > giveUpAt)
      throw new AppError(
        "conflict",
        "the first request with this Idempotency-Key is still running",
      );
    await sleep(POLL_MS);
  }
}

export function sealManageKey(deps: BookingDeps, manageKey: string, bookingId: string): string {
  return deps.box.seal(manageKey, `idem:${bookingId}`);
}
