// A lease per job name: the instance holding it runs the job; the others skip this round.
import type { Kysely } from "kysely";
import type { Database } from "../db/tables";

export async function tryTakeJobLease(
  db: Kysely<Database>,
  name: string,
  owner: string,
  now: string,
  until: string,
): Promise<boolean> {
  await db
    .insertInto("job_leases")
    .values({ name, owner: null, lease_until: null })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const result = await db
    .updateTable("job_leases")
    .set({ owner, lease_until: until })
    .where("name", "=", name)
    .where((eb) =>
      eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now), eb("owner", "=", owner)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseJobLease(
  db: Kysely<Database>,
  name: string,
  owner: string,
): Promise<void> {
  await db
    .updateTable("job_leases")
    .set({ owner: null, lease_until: null })
    .where("name", "=", name)
    .where("owner", "=", owner)
    .execute();
}
