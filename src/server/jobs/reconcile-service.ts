// One provider against the store, built so that it cannot delete a live meeting:
// - an orphan is a room with our tag whose meeting key no booking protects, older than a minimum
//   age (its create may still be recording it), at most N per pass. A booking protects its
//   meeting key on its service and its pending key on the pending service, in every lifecycle
//   but `failed` and `removed`: active, it is the live meeting; creating, changing or removing,
//   an intent may still record or delete it; needs_attention, an operator decides. A room named
//   after a failed or removed booking (a provider that finished a create after we gave up on
//   it), or after a key the booking now holds on the other service, is an orphan like one with
//   no row: neither lifecycle is ever resumed, so nobody will hand that room out;
// - a booking's meeting is "gone" only after a direct GET answered 404 twice, in passes at least
//   `missingConfirmMs` apart; a listing alone never decides it (a list can shift while paged).
// Every decision is counted and the acting ones are written to the audit table. In dry-run
// mode nothing is deleted or marked, only logged, counted and audited as "dry-run".
import { type BookingDeps, newOwner } from "../bookings/deps";
import { audit, outcomeOf } from "../bookings/audit";
import { iso, later } from "../bookings/time";
import { SYSTEM_ACTOR } from "../bookings/audit.repository";
import {
  RELEASED,
  claim,
  listLive,
  listToVerify,
  markVerified,
  updateLeased,
} from "../bookings/booking.repository";
import { parseRef } from "../bookings/booking.mapper";
import type { BookingRow } from "../db/tables";
import type { ProviderRef, VideoProvider } from "../providers/video-provider";
import { JobThrottled } from "./job-budget";
import { protectedMeetingKeys, setMissingSince } from "./reconcile.repository";
import type {
  ReconcileDecision,
  ReconcileObserver,
  ReconcileReport,
  ReconcileSettings,
} from "./reconcile-settings";

export interface ServicePass {
  deps: BookingDeps;
  service: string;
  provider: VideoProvider;
  settings: ReconcileSettings;
  observer: ReconcileObserver;
  report: ReconcileReport;
}

async function decide(
  pass: ServicePass,
  decision: ReconcileDecision,
  bookingId: string | null,
  auditIt = true,
): Promise<void> {
  pass.observer.decision(pass.service, decision);
  if (!auditIt) return;
  await audit(pass.deps, {
    actor: SYSTEM_ACTOR,
    action: `reconcile.${decision.replaceAll("_", "-")}`,
    bookingId,
    outcome: pass.settings.dryRun ? "dry-run" : "ok",
  });
}

/** The booking is gone remotely (confirmed): mark it removed, under its lease. */
async function markDangling(pass: ServicePass, row: BookingRow): Promise<void> {
  const { deps } = pass;
  if (pass.settings.dryRun) {
    deps.log.info({ bookingId: row.id }, "reconcile (dry run) would mark a booking removed");
    return decide(pass, "missing_would_remove", row.id);
  }
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
    missing_since: null,
    ...RELEASED,
    updated_at: iso(deps.clock()),
  });
  pass.report.danglingRemoved += 1;
  await decide(pass, "missing_confirmed", row.id);
}

/** A direct GET of the booking's meeting; the second 404 a while after the first confirms it. */
async function checkOne(pass: ServicePass, row: BookingRow, ref: ProviderRef): Promise<void> {
  const { deps, settings } = pass;
  const { exists } = await pass.provider.getMeeting(ref);
  const now = deps.clock();
  if (exists) {
    await markVerified(deps.db, row.id, iso(now));
    if (row.missing_since !== null) {
      await setMissingSince(deps.db, row.id, null);
      await decide(pass, "missing_recovered", row.id);
    }
    return;
  }
  if (row.missing_since === null) {
    if (!settings.dryRun) await setMissingSince(deps.db, row.id, iso(now));
    return decide(pass, "missing_suspected", row.id);
  }
  if (now.getTime() - Date.parse(row.missing_since) >= settings.missingConfirmMs)
    await markDangling(pass, row);
}

async function checkAll(pass: ServicePass, rows: BookingRow[]): Promise<void> {
  for (const row of rows.slice(0, pass.settings.maxChecksPerPass)) {
    const ref = parseRef(row.provider_ref);
    if (!ref) continue;
    try {
      await checkOne(pass, row, ref);
    } catch (err) {
      if (err instanceof JobThrottled) throw err;
      pass.report.errors += 1;
      pass.deps.log.warn(
        { err, bookingId: row.id, code: outcomeOf(err) },
        "reconcile could not check a booking's meeting",
      );
    }
  }
}

/** Deletes the rooms no live or in-flight booking protects, old enough, a few per pass. */
async function sweepOrphans(pass: ServicePass, listed: ProviderRef[]): Promise<void> {
  const { deps, settings } = pass;
  const keys = listed.flatMap((ref) => (ref.data.meetingKey ? [ref.data.meetingKey] : []));
  const known = await protectedMeetingKeys(deps.db, pass.service, keys);
  const now = deps.clock().getTime();
  let left = settings.maxOrphansPerPass;
  for (const ref of listed) {
    const key = ref.data.meetingKey;
    if (!key) {
      // Our tag but not our name pattern: nothing ties it to a booking, so never ours to delete.
      await decide(pass, "orphan_unidentified", null, false);
      continue;
    }
    if (known.has(key)) continue;
    const created = ref.data.createdAt ? Date.parse(ref.data.createdAt) : Number.NaN;
    if (!Number.isFinite(created) || now - created < settings.orphanMinAgeMs) {
      await decide(pass, "orphan_too_young", null, false);
      continue;
    }
    if (left <= 0) {
      await decide(pass, "orphan_deferred", null, false);
      continue;
    }
    left -= 1;
    if (settings.dryRun) {
      deps.log.info(
        { service: pass.service, externalId: ref.externalId },
        "reconcile (dry run) would delete an orphan room",
      );
      await decide(pass, "orphan_would_delete", null);
      continue;
    }
    // Read again right before deleting: a booking may have been written since the batch read.
    if ((await protectedMeetingKeys(deps.db, pass.service, [key])).size > 0) continue;
    await pass.provider.deleteMeeting(ref);
    pass.report.orphansDeleted += 1;
    await decide(pass, "orphan_deleted", null);
  }
}

/** Teams cannot list our meetings: check the least recently verified bookings one by one. */
async function verifyBatch(pass: ServicePass): Promise<void> {
  const rows = await listToVerify(pass.deps.db, pass.service, pass.settings.maxChecksPerPass);
  await checkAll(pass, rows);
}

export async function reconcileService(pass: ServicePass): Promise<void> {
  const { deps, service, provider } = pass;
  const listedAt = iso(deps.clock());
  const listed = await provider.listOurs();
  if (listed === null) return verifyBatch(pass);
  await sweepOrphans(pass, listed);
  // Bookings the listing did not show, and ones already suspected: ask for each directly.
  const present = new Set(listed.map((ref) => ref.externalId));
  const toCheck = (await listLive(deps.db, service)).filter((row) => {
    const ref = parseRef(row.provider_ref);
    if (row.lifecycle !== "active" || row.service !== service || !ref) return false;
    if (row.missing_since !== null) return true;
    // Only rows settled before the listing began can be judged by it.
    return row.updated_at < listedAt && !present.has(ref.externalId);
  });
  await checkAll(pass, toCheck);
}
