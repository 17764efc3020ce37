// The soak's own PostgreSQL database (`soak_<pid>`, made and dropped by the soak) and what the
// operator does to it: terminate every connection, as a failover or a restart does.
import pg from "pg";

/** The server the soak makes its database on (trust auth on loopback, as the tests use). */
export const ADMIN_URL =
  process.env.SOAK_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";

export interface SoakDatabase {
  name: string;
  /** DATABASE_URL for one service instance. */
  url(application: string): string;
  /** pg_terminate_backend on every connection to the database but ours; how many. */
  terminateAll(): Promise<number>;
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string, application?: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  if (application) url.searchParams.set("application_name", application);
  return url.toString();
}

export async function createSoakDatabase(): Promise<SoakDatabase> {
  const name = `soak_${process.pid}`;
  await withClient(ADMIN_URL, async (c) => {
    // A database left by an earlier run with the same pid (a killed soak) is ours to replace.
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const own = databaseUrl(name, "svm-soak");
  return {
    name,
    url: (application) => databaseUrl(name, application),
    terminateAll: () =>
      withClient(ADMIN_URL, async (c) => {
        const { rows } = await c.query<{ ok: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        return rows.filter((r) => r.ok).length;
      }),
    query: (text, values = []) => withClient(own, async (c) => (await c.query(text, values)).rows),
    drop: () =>
      withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
