// SQLite's WAL is checkpointed by the checkpointer's thread, not inside the service's commits.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordAudit } from "../../../src/server/bookings/audit.repository";
import { FALLBACK_AUTOCHECKPOINT_PAGES } from "../../../src/server/db/checkpointer";
import { openStore, type Store } from "../../../src/server/db/database";
import { migrateToLatest } from "../../../src/server/db/migrate";

let dir: string;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function openFresh(): Promise<{ store: Store; file: string }> {
  dir = mkdtempSync(path.join(tmpdir(), "svm-ckpt-"));
  const file = path.join(dir, "bookings.sqlite");
  store = openStore({ kind: "sqlite", path: file });
  await migrateToLatest(store.db);
  return { store, file };
}

/** The audit rows in the database file alone, as a crash that lost the WAL would leave it. */
function rowsInMainFile(file: string): number {
  const copy = path.join(dir, `copy-${Date.now()}.sqlite`);
  copyFileSync(file, copy);
  const db = new SqliteDatabase(copy, { readonly: true });
  try {
    const table = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_events'")
      .get();
    if (!table) return 0; // not even the migration has reached the file yet
    return (db.prepare("select count(*) as n from audit_events").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("WAL checkpointer", () => {
  it("copies committed rows into the database file while the service's connection stays below its own threshold", async () => {
    const { store, file } = await openFresh();
    for (let i = 0; i < 50; i++) {
      await recordAudit(
        store.db,
        { actor: { oid: "o", tid: "t" }, action: "create", bookingId: `b${i}`, outcome: "ok" },
        new Date(1_800_000_000_000 + i).toISOString(),
        "test",
      );
    }
    // 50 small inserts are a few hundred WAL pages: far below the main connection's threshold.
    expect(FALLBACK_AUTOCHECKPOINT_PAGES).toBeGreaterThan(1_000);
    await vi.waitUntil(() => rowsInMainFile(file) === 50, { timeout: 10_000, interval: 50 });
    expect(rowsInMainFile(file)).toBe(50);
  });

  it("stops with the store, which leaves no WAL behind", async () => {
    const { store: opened, file } = await openFresh();
    await recordAudit(
      opened.db,
      { actor: { oid: "o", tid: "t" }, action: "create", bookingId: "b", outcome: "ok" },
      new Date(1_800_000_000_000).toISOString(),
      "test",
    );
    await opened.close();
    store = undefined;
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(rowsInMainFile(file)).toBe(1);
  });
});
