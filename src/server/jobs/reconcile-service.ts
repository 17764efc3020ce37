// One provider against the store. Listing comes first and the store is read after it: every
// listed meeting was made by a call whose intent row was written before the meeting existed, so
// the store read sees the booking of every listed meeting.
import type { BookingDeps } from "../bookings/context";
import { audit, iso, later, newOwner, outcomeOf } from "../bookings/context";
import { SYSTEM_ACTOR } from "../bookings/audit.repository";
import {
  RELEASED,
  claim,
  listLive,
  listToVerify,
  markVerified,
  updateLeased,
} from "../bookings/booking.repository";
import { organizerOf, parseRef } from "../bookings/booking.mapper";
import type { BookingRow } from "../db/tables";
import type { VideoProvider } from "../providers/video-provider";
import type { ReconcileReport } from "./reconcile.job";

async function markDangling(
  deps: BookingDeps,
  row: BookingRow,
  report: ReconcileReport,
): Promise<void> {
  const owner = newOwner(deps);
  const now = deps.clock();
  const taken = await claim(deps.db, row.id, {
    owner,
    now: iso(now),
    until: later(now, deps.leaseMs),
    from: ["active"],
  });
  if (!taken) return;
  await updateLeased(deps.db, row.id, owner, {
    lifecycle: "removed",
    host_secret: null,
    cleanup_at: null,
    ...RELEASED,
    updated_at: iso(deps.clock()),
  });
  report.danglingRemoved += 1;
  await audit(deps, {
    actor: SYSTEM_ACTOR,
    action: "reconcile.dangling",
    bookingId: row.id,
    outcome: "ok",
  });
}

/** Refs the store knows for this service, including meetings of creates still in flight. */
async function knownRefs(
  deps: BookingDeps,
  service: string,
  provider: VideoProvider,
  live: BookingRow[],
) {
  const known = new Set<string>();
  for (const row of live) {
    const ref = row.service === service ? parseRef(row.provider_ref) : null;
    const pending = row.pending_service === service ? parseRef(row.pending_ref) : null;
    if (ref) known.add(ref.externalId);
    if (pending) known.add(pending.externalId);
    // In flight and not recorded yet: ask the provider what was made under the meeting key.
    const key =
      row.lifecycle === "creating" && row.service === service
        ? row.meeting_key
        : row.lifecycle === "changing" && row.pending_service === service && !pending
          ? row.pending_meeting_key
          : null;
    if (key) {
      const found = await provider.findByBookingId(key, organizerOf(row));
      if (found) known.add(found.externalId);
    }
  }
  return known;
}

/** Teams cannot list our meetings: check a batch of bookings one by one instead. */
async function verifyBatch(
  deps: BookingDeps,
  service: string,
  provider: VideoProvider,
  report: ReconcileReport,
): Promise<void> {
  for (const row of await listToVerify(deps.db, service, 20)) {
    const ref = parseRef(row.provider_ref);
    if (!ref) continue;
    try {
      const { exists } = await provider.getMeeting(ref);
      if (exists) await markVerified(deps.db, row.id, iso(deps.clock()));
      else await markDangling(deps, row, report);
    } catch (err) {
      report.errors += 1;
      deps.log.warn(
        { err, bookingId: row.id, code: outcomeOf(err) },
        "reconcile could not verify a booking",
      );
    }
  }
}

export async function reconcileService(
  deps: BookingDeps,
  service: string,
  provider: VideoProvider,
  report: ReconcileReport,
): Promise<void> {
  const listedAt = iso(deps.clock());
  const listed = await provider.listOurs();
  if (listed === null) return verifyBatch(deps, service, provider, report);
  const live = await listLive(deps.db, service);
  const known = await knownRefs(deps, service, provider, live);
  for (const ref of listed) {
    if (known.has(ref.externalId)) continue;
    await provider.deleteMeeting(ref);
    report.orphansDeleted += 1;
    await audit(deps, {
      actor: SYSTEM_ACTOR,
      action: "reconcile.orphan",
      bookingId: null,
      outcome: "ok",
    });
  }
  const present = new Set(listed.map((ref) => ref.externalId));
  for (const row of live) {
    const ref = parseRef(row.provider_ref);
    // Only rows settled before the listing began can be judged by it.
    if (row.lifecycle !== "active" || row.service !== service || !ref || row.updated_at >= listedAt)
      continue;
    if (!present.has(ref.externalId)) await markDangling(deps, row, report);
  }
}
