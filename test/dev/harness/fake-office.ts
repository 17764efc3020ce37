// Test support: a store and the fake Office.js around it, in plain Node (no DOM needed). The fake
// is typed as @types/office-js's `Office`, so the tests call it exactly as an add-in does.
import { createOffice } from "../../../src/dev/harness/office/office";
import { normalizeBody } from "../../../src/dev/harness/html/clients";
import { parseSettings } from "../../../src/dev/harness/store/settings";
import { newAppointment } from "../../../src/dev/harness/store/state";
import { HarnessStore, type SessionKind } from "../../../src/dev/harness/store/store";

export const NOW = new Date("2026-11-27T09:10:00Z");

export function newStore(query = ""): HarnessStore {
  const settings = parseSettings(query);
  return new HarnessStore(
    settings,
    newAppointment(settings.user, NOW, normalizeBody(settings.client, "")),
  );
}

export type OfficeNs = typeof Office;
export type Item = Office.AppointmentCompose;

export function open(
  store: HarnessStore,
  kind: SessionKind = "pane",
): { Office: OfficeNs; item: Item; close(): void } {
  const fake = createOffice(store, kind);
  const office = fake.office as unknown as OfficeNs;
  return {
    Office: office,
    item: office.context.mailbox?.item as unknown as Item,
    close: fake.close,
  };
}

/** Resolves with the AsyncResult an Office callback got. */
export function result<T>(
  invoke: (callback: (asyncResult: Office.AsyncResult<T>) => void) => void,
): Promise<Office.AsyncResult<T>> {
  return new Promise((resolve) => invoke(resolve));
}

/** The value of a call that must succeed. */
export async function value<T>(
  invoke: (callback: (asyncResult: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  const outcome = await result(invoke);
  if (String(outcome.status) !== "succeeded")
    throw new Error(`expected success, got ${JSON.stringify(outcome.error)}`);
  return outcome.value;
}
