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
  Config["database"] | { kind: "postgres"; url: string; poolMax: number; searchPath?: string };

export interface Store {
  db: Kysely<Database>;
  kind: "sqlite" | "postgres";
  close(): Promise<void>;
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

function openPostgres(url: string, poolMax: number, searchPath?: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the configured store (does not migrate; see migrateToLatest). */
export function openStore(settings: DatabaseSettings): Store {
  if (settings.kind === "sqlite") {
    const { db, close } = openSqlite(settings.path);
    return { db, kind: "sqlite", close };
  }
  const db = openPostgres(
    settings.url,
    settings.poolMax,
    "searchPath" in settings ? settings.searchPath : undefined,
  );
  return { db, kind: settings.kind, close: () => db.destroy() };
}
