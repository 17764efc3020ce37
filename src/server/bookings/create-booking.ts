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
import {
  type BookingDeps,
  audit,
  cleanupAt,
  iso,
  later,
  newOwner,
  outcomeOf,
  providerFor,
  requireType,
} from "./context";
import {
  NO_PENDING_CHANGE,
  RELEASED,
  findBooking,
  insertBooking,
  updateLeased,
} from "./booking.repository";
import { sealHost } from "./booking.mapper";
import { checkHorizons, checkQuota } from "./horizons";
import { claimIdempotencyKey, requestHash, sealManageKey } from "./idempotency";
import { markDone, markFailed } from "./idempotency.repository";

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

/**
 * Deletes what a failed create may have left remotely and closes the intent. If that fails too
 * the lease is dropped at once, so the next reconcile run repairs it.
 */
export async function abandonCreate(
  deps: BookingDeps,
  provider: VideoProvider,
  bookingId: string,
  organizer: Organizer,
  owner: string,
  made: CreatedMeeting | null,
): Promise<void> {
  try {
    const ref = made?.ref ?? (await provider.findByBookingId(bookingId, organizer));
    if (ref) await provider.deleteMeeting(ref);
    const now = iso(deps.clock());
    await updateLeased(deps.db, bookingId, owner, {
      lifecycle: "failed",
      ...RELEASED,
      updated_at: now,
    });
    await markFailed(deps.db, organizer, bookingId);
  } catch (err) {
    deps.log.warn(
      { err, bookingId },
      "compensation after a failed create failed; reconcile will repair",
    );
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
  const provider = providerFor(deps, type.service);
  const window = windowFrom(input);
  if ((window.seriesEnd ?? window.end).getTime() <= deps.clock().getTime())
    throw new AppError("policy_violation", "the meeting has already ended");
  checkHorizons(window, deps.policy.limits, deps.clock());
  const owner = newOwner(deps);

  let bookingId: string;
  if (idempotencyKey === undefined) {
    bookingId = randomUUID();
  } else {
    const claim = await claimIdempotencyKey(
      deps,
      user,
      idempotencyKey,
      requestHash(type.id, window),
      owner,
    );
    if (claim.kind === "replay") {
      const row = await findBooking(deps.db, claim.bookingId);
      if (!row) throw new AppError("internal", "idempotency record without booking");
      return { row, manageKey: claim.manageKey, replayed: true };
    }
    bookingId = claim.bookingId;
  }
  // After the replay check: repeating a create that was accepted is never refused by the quota.
  try {
    await checkQuota(deps, user, deps.clock());
  } catch (err) {
    if (idempotencyKey !== undefined)
      await markFailed(deps.db, user, bookingId).catch(() => undefined);
    throw err;
  }

  const manageKey = deps.manageKeys.generate();
  const started = deps.clock();
  const intent: BookingRow = {
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
  try {
    await insertBooking(deps.db, intent);
  } catch (err) {
    // No intent, no booking: free the Idempotency-Key so a retry can start over.
    if (idempotencyKey !== undefined)
      await markFailed(deps.db, user, bookingId).catch(() => undefined);
    throw err;
  }

  let outcome: BookingPatch;
  let made: CreatedMeeting | null = null;
  try {
    made = await provider.createMeeting({
      bookingId,
      type,
      policy: deps.policy,
      window,
      organizer: user,
    });
    outcome = {
      lifecycle: "active",
      provider_ref: JSON.stringify(made.ref),
      join_data: JSON.stringify(made.join),
      host_secret: sealHost(deps.box, made.host, bookingId),
      cleanup_at: cleanupAt(deps.policy, type.service, window),
      ...RELEASED,
      updated_at: iso(deps.clock()),
    };
    const stored = await updateLeased(deps.db, bookingId, owner, outcome);
    // Our lease ran out and reconcile took the intent over: what we made must go.
    if (!stored) throw new AppError("provider_timeout", "create outlived its lease");
  } catch (err) {
    await abandonCreate(deps, provider, bookingId, user, owner, made);
    await audit(deps, { actor: user, action: "create", bookingId, outcome: outcomeOf(err) });
    throw err;
  }
  if (idempotencyKey !== undefined)
    await markDone(
      deps.db,
      { oid: user.oid, tid: user.tid, key: idempotencyKey },
      bookingId,
      sealManageKey(deps, manageKey, bookingId),
    );
  await audit(deps, { actor: user, action: "create", bookingId, outcome: "ok" });
  // The row as stored, without reading it back (a create is the hot path).
  return { row: { ...intent, ...outcome } as BookingRow, manageKey, replayed: false };
}
