// Reading, changing, removing a booking and its host link: all need the manageKey.
// Each change takes the booking's lease, writes its intent, calls the provider, then records
// the outcome; a failure puts the row back as it was.
import type { ChangeTypeRequest, UpdateMeetingRequest } from "../../shared";
import type { BookingRow, Lifecycle } from "../db/tables";
import { AppError } from "../errors";
import type { Organizer } from "../providers/video-provider";
import { RELEASED, claim, findBooking, updateLeased } from "./booking.repository";
import { openHost, parseRef } from "./booking.mapper";
import { type BookingDeps, newOwner } from "./deps";
import { audit, outcomeOf } from "./audit";
import { cleanupAt, iso, later } from "./time";
import { requireType } from "./meeting-type";
import { getProvider } from "../providers/registry";
import { windowFrom } from "./create-booking";
import { checkHorizons } from "./horizons";
import { forgetReplayCopy } from "./retention";
import { changeType } from "./change-type";
import { outcomeUnknown } from "./abandon";

const HIDDEN: Lifecycle[] = ["creating", "failed"];

/**
 * The booking, if `manageKey` is its key. Unknown id, someone else's booking and a wrong key
 * all give the same 403: the key is the authority, not who asks.
 */
export async function authorize(
  deps: BookingDeps,
  id: string,
  manageKey: string | undefined,
): Promise<BookingRow> {
  const row = await findBooking(deps.db, id);
  const visible = row !== undefined && !HIDDEN.includes(row.lifecycle) ? row : undefined;
  if (!deps.manageKeys.matches(manageKey, visible?.manage_key_hash) || visible === undefined)
    throw new AppError("forbidden", "manageKey does not match");
  return visible;
}

async function take(
  deps: BookingDeps,
  row: BookingRow,
  owner: string,
  lifecycle?: Lifecycle,
  from: Lifecycle[] = ["active"],
) {
  const now = deps.clock();
  const ok = await claim(deps.db, row.id, {
    owner,
    now: iso(now),
    until: later(now, deps.leaseMs),
    from,
    patch: { updated_at: iso(now), ...(lifecycle ? { lifecycle } : {}) },
  });
  if (!ok) throw new AppError("conflict", "booking is busy or no longer active");
}

function requireActive(row: BookingRow): void {
  if (row.lifecycle === "removed") throw new AppError("conflict", "booking was removed");
}

export async function updateBooking(
  deps: BookingDeps,
  user: Organizer,
  id: string,
  manageKey: string | undefined,
  patch: UpdateMeetingRequest,
): Promise<BookingRow> {
  const row = await authorize(deps, id, manageKey);
  requireActive(row);
  const window = windowFrom({
    start: patch.start ?? row.start_at,
    end: patch.end ?? row.end_at,
    seriesEnd: patch.seriesEnd === undefined ? row.series_end_at : patch.seriesEnd,
  });
  if (window.seriesEnd && window.seriesEnd < window.end)
    throw new AppError("validation_failed", "seriesEnd before end");
  checkHorizons(window, deps.policy.limits, deps.clock());
  const type = requireType(deps.policy, row.type);
  const provider = getProvider(deps.providers, row.service);
  const ref = parseRef(row.provider_ref);
  if (!ref) throw new AppError("internal", "active booking without provider ref");
  const owner = newOwner(deps);
  await take(deps, row, owner);
  try {
    await provider.updateMeeting(ref, { type, policy: deps.policy, window });
  } catch (err) {
    await updateLeased(deps.db, id, owner, { lease_owner: null, lease_until: null });
    await audit(deps, { actor: user, action: "update", bookingId: id, outcome: outcomeOf(err) });
    throw err;
  }
  await updateLeased(deps.db, id, owner, {
    start_at: iso(window.start),
    end_at: iso(window.end),
    series_end_at: window.seriesEnd ? iso(window.seriesEnd) : null,
    cleanup_at: cleanupAt(deps.policy, row.service, window),
    attempts: 0,
    next_attempt_at: null,
    ...RELEASED,
    updated_at: iso(deps.clock()),
  });
  await audit(deps, { actor: user, action: "update", bookingId: id, outcome: "ok" });
  return (await findBooking(deps.db, id)) ?? row;
}

export async function changeBookingType(
  deps: BookingDeps,
  user: Organizer,
  id: string,
  manageKey: string | undefined,
  request: ChangeTypeRequest,
): Promise<BookingRow> {
  const row = await authorize(deps, id, manageKey);
  requireActive(row);
  if (row.type === request.type) return row;
  const owner = newOwner(deps);
  const target = requireType(deps.policy, request.type);
  getProvider(deps.providers, target.service);
  await take(deps, row, owner);
  return changeType(deps, user, row, target, owner);
}

export async function removeBooking(
  deps: BookingDeps,
  user: Organizer,
  id: string,
  manageKey: string | undefined,
): Promise<void> {
  const row = await authorize(deps, id, manageKey);
  if (row.lifecycle === "removed") return;
  const provider = getProvider(deps.providers, row.service);
  const ref = parseRef(row.provider_ref);
  const owner = newOwner(deps);
  // A removal whose delete went unanswered before is finished by the retry (or by repair).
  await take(deps, row, owner, "removing", ["active", "removing"]);
  try {
    if (ref) await provider.deleteMeeting(ref);
  } catch (err) {
    // A delete without an answer may still be carried out: going back to "active" could leave
    // the booking without its meeting, so it stays "removing" for the retry or repair to finish.
    await updateLeased(deps.db, id, owner, {
      lifecycle: outcomeUnknown(err) ? "removing" : "active",
      ...RELEASED,
    });
    await audit(deps, { actor: user, action: "remove", bookingId: id, outcome: outcomeOf(err) });
    throw err;
  }
  await updateLeased(deps.db, id, owner, {
    lifecycle: "removed",
    host_secret: null,
    pending_host_secret: null,
    cleanup_at: null,
    ...RELEASED,
    updated_at: iso(deps.clock()),
  });
  // The key's replay copy of the manageKey has nothing left to give back.
  await forgetReplayCopy(deps.db, { oid: row.organizer_oid, tid: row.organizer_tid }, id);
  await audit(deps, { actor: user, action: "remove", bookingId: id, outcome: "ok" });
}

export async function hostLink(
  deps: BookingDeps,
  user: Organizer,
  id: string,
  manageKey: string | undefined,
): Promise<string> {
  const row = await authorize(deps, id, manageKey);
  requireActive(row);
  const ref = parseRef(row.provider_ref);
  if (!ref || row.join_data === null) throw new AppError("internal", "active booking without ref");
  const provider = getProvider(deps.providers, row.service);
  const url = provider.hostUrl(
    ref,
    JSON.parse(row.join_data),
    openHost(deps.box, row.host_secret, id),
  );
  // Reading host data is worth a line in the trail: it is how a host gets in.
  await audit(deps, { actor: user, action: "host-link", bookingId: id, outcome: "ok" });
  return url;
}
