// What must hold after the soak, checked against the database and the emulators' own state
// (GET /_emulator/state): each a list of violations, empty when it holds.
import type { ResponseLog } from "./api";
import type { ChaosLog, Window } from "./chaos";
import type { Ledger } from "./clients";
import type { SoakDatabase } from "./database";
import type { EmulatorEndpoints } from "./emulators-child";
import { ORPHAN_MIN_AGE_MINUTES, RECONCILE_SECONDS } from "./stack";

interface BookingRow {
  id: string;
  lifecycle: string;
  service: string;
  meeting_key: string;
  provider_ref: string | null;
}

interface KeyRow {
  idem_key: string;
  booking_id: string;
  status: string;
}

export interface Snapshot {
  bookings: Map<string, BookingRow>;
  keys: KeyRow[];
  /** Meeting key → remote meetings, per service (a Pexip VMR's name ends with its meeting key). */
  rooms: { pexip: Map<string, Remote[]>; teams: Map<string, Remote[]> };
  takenAt: number;
}

interface Remote {
  id: string;
  /** When the provider made it (ms since epoch). */
  createdAt: number;
}

const SETTLED = new Set(["active", "removed"]);
const TRANSITIONAL = ["creating", "changing", "removing"];
const KEY_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.r\d+)?)$/i;

function group(items: Array<{ key: string } & Remote>): Map<string, Remote[]> {
  const map = new Map<string, Remote[]>();
  for (const { key, ...remote } of items) map.set(key, [...(map.get(key) ?? []), remote]);
  return map;
}

/** Infinity writes UTC without a zone and with microseconds; Graph writes ISO with a Z. */
const utc = (text: string) => Date.parse(`${text.slice(0, 23).replace(/Z$/, "")}Z`);

/**
 * How old an unowned room must be before the soak calls it a leak: the service's orphan sweep
 * deletes a tagged Pexip room no booking knows only once it is RECONCILE_ORPHAN_MIN_AGE old
 * (a create may still be recording it), on its next reconcile pass after that.
 */
export const ORPHAN_GRACE_MS = (ORPHAN_MIN_AGE_MINUTES * 60 + 3 * RECONCILE_SECONDS) * 1000;

export async function snapshot(db: SoakDatabase, emu: EmulatorEndpoints): Promise<Snapshot> {
  const [bookings, keys, pexip, graph] = await Promise.all([
    db.query<BookingRow>("SELECT id, lifecycle, service, meeting_key, provider_ref FROM bookings"),
    db.query<KeyRow>("SELECT idem_key, booking_id, status FROM idempotency_records"),
    fetch(`${emu.pexipUrl}/_emulator/state`).then(
      (r) =>
        r.json() as Promise<{
          conferences: Array<{ id: number; name: string; creation_time: string }>;
        }>,
    ),
    fetch(`${emu.graphUrl}/_emulator/state`).then(
      (r) =>
        r.json() as Promise<{
          meetings: Array<{ id: string; externalId: string; creationDateTime: string }>;
        }>,
    ),
  ]);
  return {
    bookings: new Map(bookings.map((b) => [b.id, b])),
    keys,
    rooms: {
      pexip: group(
        pexip.conferences.map((c) => ({
          key: KEY_AT_END.exec(c.name)?.[1] ?? c.name,
          id: String(c.id),
          createdAt: utc(c.creation_time),
        })),
      ),
      teams: group(
        graph.meetings.map((m) => ({
          key: m.externalId,
          id: m.id,
          createdAt: utc(m.creationDateTime),
        })),
      ),
    },
    takenAt: Date.now(),
  };
}

/** True when nothing is left for the repair jobs: the condition the settling phase waits for. */
export function settled(s: Snapshot): boolean {
  const busy = [...s.bookings.values()].some((b) => TRANSITIONAL.includes(b.lifecycle));
  return !busy && !s.keys.some((k) => k.status === "pending") && roomViolations(s).length === 0;
}

/** Every Idempotency-Key the clients used → exactly one booking, settled, as they were told. */
export function keyViolations(s: Snapshot, ledger: Ledger): string[] {
  const out = ledger.splitKeys.map((k) => `key ${k}: two answers named different bookings`);
  const byKey = new Map<string, KeyRow[]>();
  for (const row of s.keys) byKey.set(row.idem_key, [...(byKey.get(row.idem_key) ?? []), row]);
  for (const held of ledger.held) {
    const rows = byKey.get(held.key) ?? [];
    if (rows.length === 0) {
      // A removal deletes the key's record (it holds the sealed manageKey): the booking must be
      // the client's, and removed.
      const booking = s.bookings.get(held.bookingId);
      if (booking?.lifecycle !== "removed")
        out.push(`key ${held.key}: no record, booking ${booking?.lifecycle ?? "missing"}`);
      continue;
    }
    if (rows.length !== 1) {
      out.push(`key ${held.key}: ${rows.length} idempotency records`);
      continue;
    }
    const row = rows[0]!;
    const booking = s.bookings.get(row.booking_id);
    if (row.booking_id !== held.bookingId)
      out.push(`key ${held.key}: record names ${row.booking_id}, the client got ${held.bookingId}`);
    else if (!booking) out.push(`key ${held.key}: booking ${row.booking_id} does not exist`);
    else if (!SETTLED.has(booking.lifecycle) || row.status === "pending")
      out.push(`key ${held.key}: booking ${booking.lifecycle}, record ${row.status}`);
    else if (held.state !== "unknown" && booking.lifecycle !== held.state)
      out.push(`key ${held.key}: booking ${booking.lifecycle}, the client was told ${held.state}`);
  }
  for (const { key } of ledger.unanswered) {
    for (const row of byKey.get(key) ?? []) {
      const booking = s.bookings.get(row.booking_id);
      if (row.status === "pending" || (booking && TRANSITIONAL.includes(booking.lifecycle)))
        out.push(`key ${key} (never answered 201): left ${row.status}/${booking?.lifecycle}`);
    }
  }
  // A live booking nobody was given: a create that succeeded behind a refusal.
  const given = new Set(ledger.held.map((h) => h.bookingId));
  const abandoned = new Set(
    ledger.unanswered.filter((u) => u.outcome === "gave up").map((u) => u.key),
  );
  const abandonedIds = new Set(
    s.keys.filter((k) => abandoned.has(k.idem_key)).map((k) => k.booking_id),
  );
  for (const b of s.bookings.values())
    if (b.lifecycle === "active" && !given.has(b.id) && !abandonedIds.has(b.id))
      out.push(`booking ${b.id}: active, but no client was given it`);
  return out;
}

/**
 * Pexip VMRs and Teams meetings ↔ active bookings, one to one. A Pexip room no booking owns
 * that is younger than the orphan sweep's minimum age is waiting for the sweep (a provider that
 * made it after the service had given up on the call): listed by `awaitingSweep`, not a
 * violation. Teams has no sweep (Graph cannot list an application's meetings), so any unowned
 * Teams meeting is one.
 */
export function roomViolations(s: Snapshot): string[] {
  const out: string[] = [];
  const expected = { pexip: new Map<string, BookingRow>(), teams: new Map<string, BookingRow>() };
  for (const b of s.bookings.values()) {
    if (b.lifecycle !== "active") continue;
    const service = b.service === "teams" ? "teams" : "pexip";
    expected[service].set(b.meeting_key, b);
  }
  for (const service of ["pexip", "teams"] as const) {
    for (const [key, booking] of expected[service]) {
      const remote = s.rooms[service].get(key) ?? [];
      if (remote.length !== 1)
        out.push(`booking ${booking.id}: active with ${remote.length} ${service} meetings`);
      else if (
        booking.provider_ref &&
        JSON.parse(booking.provider_ref).externalId !== remote[0]!.id
      )
        out.push(`booking ${booking.id}: its ${service} ref is not the meeting that exists`);
    }
    for (const [key, remotes] of s.rooms[service]) {
      if (expected[service].has(key)) continue;
      for (const r of remotes) {
        const age = s.takenAt - r.createdAt;
        if (service === "pexip" && age < ORPHAN_GRACE_MS) continue;
        out.push(
          `${service} meeting ${r.id} (${key}, ${Math.round(age / 1000)} s old): no active booking`,
        );
      }
    }
  }
  return out;
}

/** Pexip rooms no active booking owns, young enough that the orphan sweep has not had them. */
export function awaitingSweep(s: Snapshot): number {
  const owned = new Set(
    [...s.bookings.values()].filter((b) => b.lifecycle === "active").map((b) => b.meeting_key),
  );
  return [...s.rooms.pexip].filter(([key]) => !owned.has(key)).flatMap(([, r]) => r).length;
}

/** A booking a client holds as active whose room is gone. */
export function deletedLiveRooms(s: Snapshot, ledger: Ledger): string[] {
  const out: string[] = [];
  for (const held of ledger.held) {
    if (held.state !== "active") continue;
    const booking = s.bookings.get(held.bookingId);
    if (!booking) continue; // Reported by keyViolations.
    const service = booking.service === "teams" ? "teams" : "pexip";
    if (!s.rooms[service].has(booking.meeting_key))
      out.push(
        `booking ${held.bookingId}: the client holds it active, its ${service} meeting is gone`,
      );
  }
  return out;
}

const inside = (at: number, windows: Window[]) => windows.some((w) => at >= w.from && at <= w.to);

/** 5xx answers: only 503 in a database outage, or a provider's 503/504 while it was faulted. */
export function serverErrorViolations(log: ResponseLog, chaos: ChaosLog): string[] {
  const out: string[] = [];
  for (const e of log.serverErrors) {
    const dbOutage = e.status === 503 && inside(e.at, chaos.databaseWindows);
    const providerFault =
      (e.status === 503 || e.status === 504) &&
      (e.code === "provider_unavailable" || e.code === "provider_timeout") &&
      inside(e.at, chaos.providerWindows);
    if (!dbOutage && !providerFault)
      out.push(
        `${e.method} ${e.route}: ${e.status} ${e.code ?? ""} at ${new Date(e.at).toISOString()}`,
      );
  }
  return out;
}
