// The store suite runs against SQLite and PostgreSQL. PostgreSQL gets a fresh schema per store
// (dropped afterwards) so parallel runs never see each other's rows. PostgreSQL is required:
// an unreachable server fails the suite loudly instead of skipping it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Store } from "../../../src/server/db/database";
import { migrateToLatest } from "../../../src/server/db/migrate";

export const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type StoreKind = "sqlite" | "postgres";
export const STORE_KINDS: StoreKind[] = ["sqlite", "postgres"];

export interface TestStore extends Store {
  /** For a second instance on the same database. */
  settings: Parameters<typeof openStore>[0];
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL at ${PG_URL} is required for the store suite and is not reachable: ${(err as Error).message}`,
      { cause: err },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "svm-store-"));
    const settings = { kind: "sqlite" as const, path: path.join(dir, "bookings.sqlite") };
    const store = openStore(settings);
    await migrateToLatest(store.db);
    return {
      ...store,
      settings,
      async drop() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `svm_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const settings = { kind: "postgres" as const, url: PG_URL, poolMax: 10, searchPath: schema };
  const store = openStore(settings);
  await migrateToLatest(store.db);
  return {
    ...store,
    settings,
    async drop() {
      await store.close();
      await adminQuery(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}
