// "Nothing missing, nothing extra": every remote meeting belongs to exactly one live booking and
// every live booking's meeting exists remotely.
import { expect } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../../src/server/db/tables";
import type { GraphEmulator, PexipEmulator } from "../../../src/emulators";

export async function storeRefs(db: Kysely<Database>, service: string): Promise<string[]> {
  const rows = await db
    .selectFrom("bookings")
    .selectAll()
    .where("lifecycle", "in", ["active", "changing", "removing", "creating"])
    .execute();
  const refs: string[] = [];
  for (const row of rows) {
    if (row.service === service && row.provider_ref)
      refs.push((JSON.parse(row.provider_ref) as { externalId: string }).externalId);
    if (row.pending_service === service && row.pending_ref)
      refs.push((JSON.parse(row.pending_ref) as { externalId: string }).externalId);
  }
  return refs.sort();
}

/** Asserts the store and the remote services agree, and that no booking is half-done. */
export async function expectConsistent(
  db: Kysely<Database>,
  pexip: PexipEmulator,
  graph?: GraphEmulator,
): Promise<void> {
  const transitional = await db
    .selectFrom("bookings")
    .select(["id", "lifecycle"])
    .where("lifecycle", "in", ["creating", "changing", "removing"])
    .execute();
  expect(transitional).toEqual([]);
  const vmrs = pexip
    .state()
    .conferences.map((c) => String(c.id))
    .sort();
  expect(vmrs).toEqual(await storeRefs(db, "pexip"));
  if (graph) {
    const remote = graph.state().meetings.map((m) => m.id);
    expect(remote.sort()).toEqual(await storeRefs(db, "teams"));
  }
}
