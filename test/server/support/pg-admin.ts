// PostgreSQL as its operator sees it: a schema of its own for a test's service processes, and
// pg_terminate_backend on their connections (a failover or a restart, as the pool meets it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PG_URL } from "./test-store";

export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export interface PgSchema {
  name: string;
  /** DATABASE_URL for a service process: this schema, connections named `application`. */
  url(application: string): string;
  /** Terminates the backends of every connection whose application_name starts with `prefix`. */
  terminate(prefix: string, state?: "idle" | "active"): Promise<number>;
  drop(): Promise<void>;
}

export async function createPgSchema(): Promise<PgSchema> {
  const name = `svm_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  return {
    name,
    url: (application) =>
      `${PG_URL}?application_name=${encodeURIComponent(application)}` +
      `&options=${encodeURIComponent(`-c search_path=${name}`)}`,
    async terminate(prefix, state) {
      const rows = await adminQuery<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE application_name LIKE $1 AND pid <> pg_backend_pid()
            AND ($2::text IS NULL OR state = $2)`,
        [`${prefix}%`, state ?? null],
      );
      return rows.filter((r) => r.ok).length;
    },
    async drop() {
      await adminQuery(`DROP SCHEMA ${name} CASCADE`);
    },
  };
}
