// Migrations are imported, not read from a folder, so the webpack-built server carries them.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as initial from "./migrations/2026_11_27_150000_initial";
import * as reliability from "./migrations/2026_12_05_120000_reliability";
import * as bookingsByOrganizer from "./migrations/2026_12_05_140000_bookings_by_organizer";
import * as attentionFrom from "./migrations/2026_12_06_010000_attention_from";
import * as abandonedKeys from "./migrations/2026_12_06_030000_abandoned_keys";
import type { Database } from "./tables";

const MIGRATIONS: Record<string, Migration> = {
  "2026_11_27_150000_initial": initial,
  "2026_12_05_120000_reliability": reliability,
  "2026_12_05_140000_bookings_by_organizer": bookingsByOrganizer,
  "2026_12_06_010000_attention_from": attentionFrom,
  "2026_12_06_030000_abandoned_keys": abandonedKeys,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Brings the schema up to date. Safe with several instances starting at once: Kysely takes a
 * lock table (PostgreSQL advisory-style row lock) while it migrates.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(
      `database migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
