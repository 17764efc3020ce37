// The store: SQLite (better-sqlite3, WAL) by default, PostgreSQL when DATABASE_URL is set
// (several instances need PostgreSQL: SQLite is single-instance).
import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as KyselySqliteDatabase,
} from "kysely";
import pg from "pg";
import type { Config } from "../config";
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from "./checkpointer";
import type { Database } from "./tables";

export type DatabaseSettings =
  | Config["database"]
  | ({ kind: "postgres"; url: string; poolMax: number; searchPath?: string } & Partial<PgTimeouts>);

/** How long the service waits on PostgreSQL before it answers 503 instead (config.ts). */
export interface PgTimeouts {
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  statementTimeoutMs: number;
}

export const DEFAULT_PG_TIMEOUTS: PgTimeouts = {
  connectTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  statementTimeoutMs: 15_000,
};

export interface Store {
  db: Kysely<Database>;
  kind: "sqlite" | "postgres";
  /** Connection faults seen so far (a dropped idle connection, a failover) and who to tell. */
  faults: DatabaseFaults;
  close(): Promise<void>;
}

/**
 * Counts connection errors the driver reports outside any query. The pool drops the broken
 * client and opens a new one on the next checkout; the service only logs and counts.
 */
export class DatabaseFaults {
  count = 0;
  private listener: ((err: Error) => void) | null = null;

  /** The app's logger takes over once it exists (the store is opened before the app). */
  listen(listener: (err: Error) => void): void {
    this.listener = listener;
  }

  report(err: Error): void {
    this.count += 1;
    this.listener?.(err);
  }
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, and the service
 * runs the same few dozen SQL texts over and over. A small cache keyed by SQL text halves the
 * store's share of a create.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        if (cache.size >= 500) cache.clear();
        cache.set(sql, statement);
      }
      return statement;
    },
    close: () => void sqlite.close(),
  };
}

/** A failing checkpoint is worth a warning, not one every 100 ms. */
function checkpointWarnings(): (message: string) => void {
  let last = -Infinity;
  return (message) => {
    if (performance.now() - last < 60_000) return;
    last = performance.now();
    process.emitWarning(`SQLite WAL checkpoint failed: ${message}`, "SqliteCheckpointWarning");
  };
}

function openSqlite(file: string): { db: Kysely<Database>; close(): Promise<void> } {
  const inMemory = file === ":memory:";
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; NORMAL is durable across process crashes in WAL mode.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  // Checkpoints (and their fsyncs) happen on the checkpointer's thread; see checkpointer.ts.
  const checkpointer = inMemory
    ? undefined
    : startCheckpointer(path.resolve(file), { onError: checkpointWarnings() });
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    db,
    async close() {
      await checkpointer?.stop();
      // The last connection to close checkpoints the whole WAL and removes it.
      await db.destroy();
    },
  };
}

function openPostgres(
  url: string,
  poolMax: number,
  timeouts: PgTimeouts,
  faults: DatabaseFaults,
  searchPath?: string,
): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    idleTimeoutMillis: timeouts.idleTimeoutMs,
    // The server cancels a statement after this; the client gives up a little later in case the
    // server never answers at all (a dead network path, not a slow query).
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + 2_000,
    // A half-open TCP connection (failover behind a load balancer) is noticed, not waited on.
    keepAlive: true,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  // Without a listener an idle client's error (pg_terminate_backend, a restart) is an unhandled
  // 'error' event and ends the process. The pool removes that client by itself.
  pool.on("error", (err) => faults.report(err));
  // A checked-out client is not covered by the pool's listener: between two statements of a
  // transaction its connection can drop too, and the driver then emits 'error' on the client.
  // The statement in flight (or the next one) fails and its request answers 503.
  pool.on("connect", (client) => {
    client.on("error", (err) => faults.report(err));
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the configured store (does not migrate; see migrateToLatest). */
export function openStore(settings: DatabaseSettings): Store {
  const faults = new DatabaseFaults();
  if (settings.kind === "sqlite") {
    const { db, close } = openSqlite(settings.path);
    return { db, kind: "sqlite", faults, close };
  }
  const timeouts: PgTimeouts = {
    connectTimeoutMs: settings.connectTimeoutMs ?? DEFAULT_PG_TIMEOUTS.connectTimeoutMs,
    idleTimeoutMs: settings.idleTimeoutMs ?? DEFAULT_PG_TIMEOUTS.idleTimeoutMs,
    statementTimeoutMs: settings.statementTimeoutMs ?? DEFAULT_PG_TIMEOUTS.statementTimeoutMs,
  };
  const db = openPostgres(
    settings.url,
    settings.poolMax,
    timeouts,
    faults,
    "searchPath" in settings ? settings.searchPath : undefined,
  );
  return { db, kind: settings.kind, faults, close: () => db.destroy() };
}
