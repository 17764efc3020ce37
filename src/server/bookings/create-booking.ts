// POST /meetings: intent first (a "creating" row under a lease), then the provider, then the
// outcome. A failure deletes whatever the provider may have made; a crash leaves the intent for
// the reconcile job.
import { randomUUID } from "node:crypto";
import type { CreateMeetingRequest } from "../../shared";
import type { BookingPatch, BookingRow } from "../db/tables";
import { AppError } from "../errors";
import type {
  CreatedMeeting,
  MeetingWindow,
  Organizer,
  VideoProvider,
} from "../providers/video-provider";
import { type BookingDeps, newOwner } from "./deps";
import { audit, outcomeOf } from "./audit";
import { cleanupAt, iso, later } from "./time";
import { requireType } from "./meeting-type";
import { getProvider } from "../providers/registry";
import { newCallScope, runInCallScope } from "../http";
import {
  NO_PENDING_CHANGE,
  RELEASED,
  findBooking,
  insertBooking,
  updateLeased,
} from "./booking.repository";
import { sealHost } from "./booking.mapper";
import { checkHorizons, countLiveBookings, quotaExceeded } from "./horizons";
import { claimIdempotencyKey, requestHash, sealManageKey } from "./idempotency";
import { markDone, markFailed } from "./idempotency.repository";
import { compensate, updateAndAbandon } from "./abandon";

/** Columns a new booking starts without. */
const EMPTY_COLUMNS = {
  provider_ref: null,
  join_data: null,
  host_secret: null,
  ...NO_PENDING_CHANGE,
  cleanup_at: null,
  attempts: 0,
  next_attempt_at: null,
  last_error: null,
  verified_at: null,
  missing_since: null,
  attention_at: null,
  attention_from: null,
} satisfies Partial<BookingRow>;

export interface CreateResult {
  row: BookingRow;
  manageKey: string;
  replayed: boolean;
}

export function windowFrom(input: {
  start: string;
  end: string;
  seriesEnd?: string | null;
}): MeetingWindow {
  return {
    start: new Date(input.start),
    end: new Date(input.end),
    seriesEnd: input.seriesEnd ? new Date(input.seriesEnd) : null,
  };
}

/** `made` of a create no request of which reached the provider (all refused with 429). */
export const NOTHING_SENT = "nothing-sent";

/**
 * Deletes what a failed create may have left remotely and closes the intent; the key goes under
 * the late-meeting watch in the same transaction, since a call still on its way (an attempt
 * that timed out here, a round Graph answers late) can make the meeting after we looked. If the
 * store write fails the lease is dropped at once, so the next reconcile run repairs it.
 */
export async function abandonCreate(
  deps: BookingDeps,
  provider: VideoProvider,
  bookingId: string,
  organizer: Organizer,
  owner: string,
  made: CreatedMeeting | null | typeof NOTHING_SENT,
): Promise<void> {
  const left =
    made === NOTHING_SENT
      ? null
      : await compensate(provider, bookingId, organizer, made?.ref ?? null);
  if (left)
    deps.log.warn(
      { err: left.failed, bookingId },
      "compensation after a failed create failed; the late-meeting watch takes it over",
    );
  try {
    await updateAndAbandon(
      deps,
      bookingId,
      owner,
      { lifecycle: "failed", ...RELEASED, updated_at: iso(deps.clock()) },
      made === NOTHING_SENT
        ? null
        : { meetingKey: bookingId, service: provider.service, checkNow: left !== null },
      (trx) => markFailed(trx, organizer, bookingId),
    );
  } catch (err) {
    deps.log.warn({ err, bookingId }, "closing a failed create failed; reconcile will repair");
    await updateLeased(deps.db, bookingId, owner, { lease_until: new Date(0).toISOString() }).catch(
      () => undefined,
    );
  }
}

export async function createBooking(
  deps: BookingDeps,
  user: Organizer,
  input: CreateMeetingRequest,
  idempotencyKey: string | undefined,
): Promise<CreateResult> {
  const type = requireType(deps.policy, input.type);
  const provider = getProvider(deps.providers, type.service);
  const window = windowFrom(input);
  if ((window.seriesEnd ?? window.end).getTime() <= deps.clock().getTime())
    throw new AppError("policy_violation", "the meeting has already ended");
  checkHorizons(window, deps.policy.limits, deps.clock());
  const owner = newOwner(deps);

  const manageKey = deps.manageKeys.generate();
  const started = deps.clock();
  const bookingId = randomUUID();
  let intent: BookingRow = {
    ...EMPTY_COLUMNS,
    id: bookingId,
    organizer_oid: user.oid,
    organizer_tid: user.tid,
    type: type.id,
    service: type.service,
    start_at: iso(window.start),
    end_at: iso(window.end),
    series_end_at: window.seriesEnd ? iso(window.seriesEnd) : null,
    lifecycle: "creating",
    meeting_key: bookingId,
    manage_key_hash: deps.manageKeys.hash(manageKey),
    lease_owner: owner,
    lease_until: later(started, deps.leaseMs),
    created_at: iso(started),
    updated_at: iso(started),
  };
  if (idempotencyKey === undefined) {
    await insertBooking(deps.db, intent);
  } else {
    // Writes the record and the intent in one transaction (or finds the key's booking).
    const claimed = await claimIdempotencyKey(
      deps,
      user,
      idempotencyKey,
      requestHash(type.id, window),
      owner,
      intent,
    );
    if (claimed.kind === "replay") {
      const row = await findBooking(deps.db, claimed.bookingId);
      if (!row) throw new AppError("internal", "idempotency record without booking");
      return { row, manageKey: claimed.manageKey, replayed: true };
    }
    if (claimed.kind === "resume") {
      // A dead attempt's intent: its manageKey never reached the client, so ours replaces it.
      intent = { ...claimed.row, manage_key_hash: deps.manageKeys.hash(manageKey) };
      return finishCreate(deps, user, provider, intent, manageKey, owner, idempotencyKey);
    }
  }
  await refuseOverQuota(deps, user, intent, owner, idempotencyKey);
  return finishCreate(deps, user, provider, intent, manageKey, owner, idempotencyKey);
}

/**
 * The per-user quota, counted once the new intent is written (it counts itself): a replay or a
 * resumed attempt returned above is never refused. Over the quota the intent is closed as failed
 * and its key freed, before any provider call.
 */
async function refuseOverQuota(
  deps: BookingDeps,
  user: Organizer,
  intent: BookingRow,
  owner: string,
  idempotencyKey: string | undefined,
): Promise<void> {
  const max = deps.policy.limits.maxLiveBookingsPerUser;
  if ((await countLiveBookings(deps, user, deps.clock())) <= max) return;
  await updateLeased(deps.db, intent.id, owner, {
    lifecycle: "failed",
    ...RELEASED,
    updated_at: iso(deps.clock()),
  });
  if (idempotencyKey !== undefined) await markFailed(deps.db, user, intent.id);
  throw quotaExceeded(max);
}

/** The provider call and its outcome, for a fresh intent or one resumed from a dead attempt. */
async function finishCreate(
  deps: BookingDeps,
  user: Organizer,
  provider: VideoProvider,
  intent: BookingRow,
  manageKey: string,
  owner: string,
  idempotencyKey: string | undefined,
): Promise<CreateResult> {
  const type = requireType(deps.policy, intent.type);
  const bookingId = intent.id;
  const window = windowFrom({
    start: intent.start_at,
    end: intent.end_at,
    seriesEnd: intent.series_end_at,
  });
  let outcome: BookingPatch;
  let made: CreatedMeeting | null = null;
  const scope = newCallScope();
  try {
    made = await runInCallScope(scope, () =>
      provider.createMeeting({
        bookingId,
        type,
        policy: deps.policy,
        window,
        organizer: user,
      }),
    );
    outcome = {
      lifecycle: "active",
      manage_key_hash: intent.manage_key_hash,
      provider_ref: JSON.stringify(made.ref),
      join_data: JSON.stringify(made.join),
      host_secret: sealHost(deps.box, made.host, bookingId),
      cleanup_at: cleanupAt(deps.policy, type.service, window),
      ...RELEASED,
      updated_at: iso(deps.clock()),
    };
    // The booking and its key's record settle together: a retry never sees one without the other.
    const sealed = idempotencyKey === undefined ? null : sealManageKey(deps, manageKey, bookingId);
    const stored = await deps.db.transaction().execute(async (trx) => {
      if (!(await updateLeased(trx, bookingId, owner, outcome))) return false;
      if (idempotencyKey !== undefined && sealed !== null)
        await markDone(
          trx,
          { oid: user.oid, tid: user.tid, key: idempotencyKey },
          bookingId,
          sealed,
        );
      return true;
    });
    // Our lease ran out and reconcile took the intent over: what we made must go.
    if (!stored) throw new AppError("provider_timeout", "create outlived its lease");
  } catch (err) {
    // Refused before it reached the provider (every attempt a 429): nothing to look for.
    const left = made ?? (scope.reached ? null : NOTHING_SENT);
    await abandonCreate(deps, provider, bookingId, user, owner, left);
    await audit(deps, { actor: user, action: "create", bookingId, outcome: outcomeOf(err) });
    throw err;
  }
  await audit(deps, { actor: user, action: "create", bookingId, outcome: "ok" });
  // The row as stored, without reading it back (a create is the hot path).
  return { row: { ...intent, ...outcome } as BookingRow, manageKey, replayed: false };
}
