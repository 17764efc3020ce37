// What every booking operation is built from: the store, the providers, the policy and the keys.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Policy } from "../../shared";
import type { ManageKeys } from "../crypto/manage-key";
import type { SecretBox } from "../crypto/secret-box";
import type { Database } from "../db/tables";
import type { Providers } from "../providers/registry";

export interface BookingDeps {
  db: Kysely<Database>;
  providers: Providers;
  policy: Policy;
  clock: () => Date;
  manageKeys: ManageKeys;
  box: SecretBox;
  instanceId: string;
  /** How long an operation's lease lasts; longer than any provider deadline. */
  leaseMs: number;
  idempotencyTtlMs: number;
  /** How long a repeat waits for the first request with the same Idempotency-Key. */
  idempotencyWaitMs: number;
  log: Pick<Logger, "warn" | "error" | "info">;
}

/** A lease owner per operation: two requests on one instance must not share a lease. */
export function newOwner(deps: BookingDeps): string {
  return `${deps.instanceId}:${randomUUID()}`;
}
