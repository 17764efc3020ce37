// Does this Infinity store every field a Pexip meeting type asks for? The real provider creates
// one VMR for the type, the VMR is read back in full and compared field by field with what the
// mapper sends, then deleted and looked up once more. Used by the smoke test.
import { randomUUID } from "node:crypto";
import type { Policy, PexipMeetingType } from "../../../shared";
import type { ProviderDeps } from "../provider-deps";
import type { CreatedMeeting } from "../video-provider";
import { createPexipApi } from "./pexip-api";
import { PexipConfig, type PexipConfigInput } from "./pexip-config";
import { toPexipConference, vmrName } from "./pexip-mapper";
import { createPexipProvider } from "./pexip-provider";
import type { PexipConferenceReadback } from "./pexip-schemas";

export interface PexipFieldResult {
  field: string;
  stored: boolean;
}

export interface PexipTypeCheck {
  typeId: string;
  fields: PexipFieldResult[];
  /** Fields Infinity did not store as sent. */
  differing: string[];
  /** The guest join link of the check VMR (its host is the Conferencing Node). */
  joinUrl?: string;
  /** Infinity refused a call (credentials, validation, outage). */
  error?: Error;
  /** The VMR's name when deleting it failed: it must be deleted by hand. */
  leftBehind?: string;
}

export const pexipCheckPassed = (c: PexipTypeCheck) =>
  !c.error && c.differing.length === 0 && c.leftBehind === undefined;

function same(sent: unknown, stored: unknown): boolean {
  if (Array.isArray(sent)) {
    // Aliases: the same set of alias strings, in any order.
    const wanted = sent.map((a: { alias: string }) => a.alias).sort();
    const got = Array.isArray(stored)
      ? stored.map((a: { alias?: unknown }) => String(a.alias)).sort()
      : [];
    return JSON.stringify(wanted) === JSON.stringify(got);
  }
  return sent === stored;
}

function compare(
  sent: Record<string, unknown>,
  stored: PexipConferenceReadback | null,
): PexipFieldResult[] {
  const record = (stored ?? {}) as Record<string, unknown>;
  return Object.entries(sent).map(([field, value]) => ({
    field,
    stored: stored !== null && same(value, record[field]),
  }));
}

/** Creates, reads back, compares and deletes one VMR of `type`. */
export async function checkPexipType(
  input: PexipConfigInput,
  type: PexipMeetingType,
  policy: Policy,
  deps: ProviderDeps = {},
): Promise<PexipTypeCheck> {
  const config = PexipConfig.parse(input);
  const api = createPexipApi(config, deps);
  const provider = createPexipProvider(config, deps);
  const bookingId = randomUUID();
  const name = vmrName(config, bookingId);
  const result: PexipTypeCheck = { typeId: type.id, fields: [], differing: [] };
  let made: CreatedMeeting | undefined;
  try {
    const window = {
      start: new Date(Date.now() + 86_400_000),
      end: new Date(Date.now() + 90_000_000),
    };
    made = await provider.createMeeting({
      bookingId,
      type,
      policy,
      window: { ...window, seriesEnd: null },
      organizer: { oid: randomUUID(), tid: randomUUID() },
    });
    const sent = toPexipConference(
      {
        name,
        alias: made.join.alias ?? "",
        hostPin: made.host.pin,
        guestPin: made.join.passcode,
        type,
      },
      config,
    );
    const stored = await api.readBack(made.ref.externalId, api.deadline());
    result.fields = compare(sent, stored);
    result.differing = result.fields.filter((f) => !f.stored).map((f) => f.field);
    result.joinUrl = made.join.url;
  } catch (error) {
    result.error = error as Error;
  }
  if (made) {
    try {
      await provider.deleteMeeting(made.ref);
      if (await api.get(made.ref.externalId, api.deadline())) result.leftBehind = name;
    } catch {
      result.leftBehind = name;
    }
  }
  return result;
}
