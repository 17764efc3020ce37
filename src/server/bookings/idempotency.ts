// `Idempotency-Key` on create: the same key from the same user returns the same booking, also
// while the first request is still running or ran on another instance. The primary key of
// idempotency_records decides who runs; the others wait for its outcome.
//
// The record and the booking's intent row are written in one transaction, so a key never points
// at a booking that does not exist. When the attempt that owns a key dies (its instance killed),
// the booking's lease runs out and the next retry with the key takes it over: it resumes the
// create (the providers find what the dead attempt made under the same booking id) or, when the
// booking was already made, answers with it as the first attempt would have.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { BookingRow } from "../db/tables";
import { AppError } from "../errors";
import type { MeetingWindow, Organizer } from "../providers/video-provider";
import { claim, findBooking, insertBooking } from "./booking.repository";
import type { BookingDeps } from "./deps";
import { iso, later } from "./time";
import {
  type IdemKey,
  findRecord,
  insertPending,
  markDone,
  setOwner,
  takeOverFailed,
  takeOverPending,
} from "./idempotency.repository";

export type Claim =
  /** The record and `intent` are stored: go on with the provider call. */
  | { kind: "fresh" }
  /** A finished booking: answer with it. */
  | { kind: "replay"; bookingId: string; manageKey: string }
  /** A dead attempt's `creating` booking, now leased to this request: finish it. */
  | { kind: "resume"; row: BookingRow };

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

export function sealManageKey(deps: BookingDeps, manageKey: string, bookingId: string): string {
  return deps.box.seal(manageKey, `idem:${bookingId}`);
}

/** Record and intent together, or neither. */
async function storeFresh(
  deps: BookingDeps,
  record: Parameters<typeof insertPending>[1],
  intent: BookingRow,
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await insertPending(trx, record))) return false;
    await insertBooking(trx, intent);
    return true;
  });
}

/** A failed or dead attempt's record, handed to this one together with its new intent. */
async function storeTakeOver(
  deps: BookingDeps,
  k: IdemKey,
  from: { status: "failed" | "pending"; bookingId: string },
  intent: BookingRow,
  owner: string,
  expiresAt: string,
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const taken =
      from.status === "failed"
        ? await takeOverFailed(trx, k, intent.id, owner, expiresAt)
        : await takeOverPending(trx, k, from, {
            bookingId: intent.id,
            owner,
            createdAt: intent.created_at,
            expiresAt,
          });
    if (!taken) return false;
    await insertBooking(trx, intent);
    return true;
  });
}

/**
 * The dead attempt's booking was made but its record never marked done (the instance died in
 * between). Its manageKey never reached the client, so a new one replaces it; the record update
 * is conditional, so of two retries only one rotates the key.
 */
async function adoptMade(deps: BookingDeps, k: IdemKey, bookingId: string): Promise<string | null> {
  const manageKey = deps.manageKeys.generate();
  const adopted = await deps.db.transaction().execute(async (trx) => {
    if (!(await markDone(trx, k, bookingId, sealManageKey(deps, manageKey, bookingId))))
      return false;
    await trx
      .updateTable("bookings")
      .set({ manage_key_hash: deps.manageKeys.hash(manageKey) })
      .where("id", "=", bookingId)
      .execute();
    return true;
  });
  return adopted ? manageKey : null;
}

export async function claimIdempotencyKey(
  deps: BookingDeps,
  user: Organizer,
  key: string,
  hash: string,
  owner: string,
  intent: BookingRow,
): Promise<Claim> {
  const k = { oid: user.oid, tid: user.tid, key };
  const now = deps.clock();
  const expires = later(now, deps.idempotencyTtlMs);
  const fresh = {
    organizer_oid: user.oid,
    organizer_tid: user.tid,
    idem_key: key,
    request_hash: hash,
    booking_id: intent.id,
    status: "pending" as const,
    manage_key_enc: null,
    owner,
    created_at: iso(now),
    expires_at: expires,
  };
  const giveUpAt = performance.now() + deps.idempotencyWaitMs;
  for (;;) {
    if (await storeFresh(deps, fresh, intent)) return { kind: "fresh" };
    const record = await findRecord(deps.db, k);
    if (record === undefined) continue; // purged between our insert and read: insert again
    if (record.request_hash !== hash)
      throw new AppError("idempotency_conflict", "same Idempotency-Key, different request");
    if (record.status === "done" && record.manage_key_enc !== null) {
      const manageKey = deps.box.open(record.manage_key_enc, `idem:${record.booking_id}`);
      return { kind: "replay", bookingId: record.booking_id, manageKey };
    }
    if (record.status === "failed") {
      const from = { status: "failed" as const, bookingId: record.booking_id };
      if (await storeTakeOver(deps, k, from, intent, owner, expires)) return { kind: "fresh" };
      continue;
    }
    const nowIso = iso(deps.clock());
    const booking = await findBooking(deps.db, record.booking_id);
    const leaseOver = booking
      ? booking.lease_until === null || booking.lease_until < nowIso
      : record.created_at < iso(new Date(deps.clock().getTime() - deps.leaseMs));
    if (leaseOver) {
      if (booking?.lifecycle === "creating") {
        const taken = await claim(deps.db, booking.id, {
          owner,
          now: nowIso,
          until: later(deps.clock(), deps.leaseMs),
          from: ["creating"],
        });
        if (taken) {
          await setOwner(deps.db, k, booking.id, owner);
          const row = await findBooking(deps.db, booking.id);
          if (row?.lease_owner === owner) return { kind: "resume", row };
        }
        continue;
      }
      if (booking && booking.lifecycle !== "failed" && booking.lifecycle !== "removed") {
        const manageKey = await adoptMade(deps, k, booking.id);
        if (manageKey !== null) return { kind: "replay", bookingId: booking.id, manageKey };
        continue;
      }
      // No booking, or one that failed or was removed: start over under this key.
      const from = { status: "pending" as const, bookingId: record.booking_id };
      if (await storeTakeOver(deps, k, from, intent, owner, expires)) return { kind: "fresh" };
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
