// Does this tenant apply every protection a Teams meeting type asks for? One real meeting per
// type is created with all of the type's settings, read back, compared setting by setting and
// deleted. The smoke test runs it for every type; start-up runs it for the types that use a
// setting whose v1.0 availability is uncertain (UNCERTAIN_V1_SETTINGS).
import { randomUUID } from "node:crypto";
import type { Policy, TeamsMeetingType } from "../../../shared";
import type { ProviderDeps } from "../provider-deps";
import { createGraphApi, type GraphApi } from "./graph-api";
import type { GraphCreateOnly, GraphMeetingSettings, GraphOnlineMeeting } from "./graph-schemas";
import { TeamsConfig, type TeamsConfigInput } from "./teams-config";
import { toGraphCreateOnly, toGraphMeetingSettings, unappliedSettings } from "./teams-mapper";

/**
 * Properties we send to /v1.0 that Microsoft's published v1.0 metadata does not list (it is in
 * the beta metadata and in Microsoft's current v1.0 documentation). Graph's onlineMeeting is an
 * open type, so it may accept the property and not apply it: only a probe tells.
 */
export const UNCERTAIN_V1_SETTINGS = ["anonymizeIdentityForRoles"] as const;

export interface SettingResult {
  setting: string;
  /** Applied in the create answer and in the meeting read back. */
  applied: boolean;
}

export interface TypeCheck {
  typeId: string;
  /** Every setting sent and whether it came back applied; empty when Graph refused. */
  settings: SettingResult[];
  unapplied: string[];
  /** Graph refused the request itself (permission, access policy, Premium, outage). */
  error?: Error;
  /** The check meeting's id when deleting it failed: it must be deleted by hand. */
  leftBehind?: string;
  /** The check meeting's join link (its host is what attendees' clients must reach). */
  joinUrl?: string;
}

export const checkPassed = (c: TypeCheck) =>
  !c.error && c.unapplied.length === 0 && c.leftBehind === undefined;

type Sent = Partial<GraphMeetingSettings & GraphCreateOnly>;

/** The setting names a type sends; passcode and template only exist at creation. */
export function sentSettings(type: TeamsMeetingType, policy: Policy): Sent {
  return { ...toGraphMeetingSettings(type, policy), ...toGraphCreateOnly(type, policy) };
}

export function usesUncertainSetting(type: TeamsMeetingType, policy: Policy): boolean {
  const sent = sentSettings(type, policy);
  return UNCERTAIN_V1_SETTINGS.some((name) => sent[name] !== undefined);
}

/** Passcode: asked for means Graph generated one (the setting itself only exists at create). */
function passcodeApplied(sent: Sent, got: GraphOnlineMeeting): boolean {
  const wanted = sent.joinMeetingIdSettings?.isPasscodeRequired === true;
  return !wanted || !!got.joinMeetingIdSettings?.passcode;
}

function compare(sent: Sent, made: GraphOnlineMeeting, read: GraphOnlineMeeting | null) {
  const missing = new Set([
    ...unappliedSettings(sent, made),
    ...(read ? unappliedSettings(sent, read) : Object.keys(sent)),
  ]);
  if (!passcodeApplied(sent, made) || (read && !passcodeApplied(sent, read)))
    missing.add("joinMeetingIdSettings");
  return Object.keys(sent).map((setting) => ({ setting, applied: !missing.has(setting) }));
}

/**
 * Creates one meeting with every setting of `type` for `organizerOid`, reads it back, compares,
 * and deletes it (also when anything fails). The meeting carries nothing from any appointment:
 * the configured subject and a time tomorrow.
 */
export async function checkTeamsType(
  api: GraphApi,
  subject: string,
  organizerOid: string,
  type: TeamsMeetingType,
  policy: Policy,
  now: Date = new Date(),
): Promise<TypeCheck> {
  const sent = sentSettings(type, policy);
  const start = new Date(now.getTime() + 24 * 3_600_000);
  const body = {
    externalId: `svm-check-${randomUUID()}`,
    subject,
    startDateTime: start.toISOString(),
    endDateTime: new Date(start.getTime() + 3_600_000).toISOString(),
    ...toGraphMeetingSettings(type, policy),
    ...toGraphCreateOnly(type, policy),
  };
  const result: TypeCheck = { typeId: type.id, settings: [], unapplied: [] };
  let made: GraphOnlineMeeting | undefined;
  try {
    made = await api.create(organizerOid, body, api.deadline());
    result.joinUrl = made.joinWebUrl;
    const read = await api.get(organizerOid, made.id, api.deadline());
    result.settings = compare(sent, made, read);
    result.unapplied = result.settings.filter((s) => !s.applied).map((s) => s.setting);
  } catch (error) {
    result.error = error as Error;
  }
  if (made) {
    try {
      await api.delete(organizerOid, made.id, "delete", api.deadline());
    } catch {
      result.leftBehind = made.id;
    }
  }
  return result;
}

/**
 * The start-up check (enabled by GRAPH_PROBE_ORGANIZER_OID): each Teams type that uses an
 * uncertain setting is tried once in the real tenant. The failures come back; the caller
 * refuses to start, so that no clinician meets the failure after clicking Skapa möte.
 */
export async function probeUncertainSettings(
  input: TeamsConfigInput | undefined,
  policy: Policy,
  deps: ProviderDeps = {},
): Promise<TypeCheck[]> {
  if (!input) return [];
  const config = TeamsConfig.parse(input);
  if (!config.probeOrganizerOid) return [];
  const api = createGraphApi(config, deps);
  const types = policy.types.filter(
    (t): t is TeamsMeetingType => t.service === "teams" && usesUncertainSetting(t, policy),
  );
  const results: TypeCheck[] = [];
  for (const type of types)
    results.push(await checkTeamsType(api, config.subject, config.probeOrganizerOid, type, policy));
  return results.filter((r) => !checkPassed(r));
}

/** One line per refused type, for the start-up error. */
export function describeProbeFailure(result: TypeCheck): string {
  if (result.error)
    return `meeting type "${result.typeId}": the check meeting could not be created: ${result.error.message}`;
  if (result.unapplied.length === 0)
    return `meeting type "${result.typeId}": the check meeting ${result.leftBehind ?? ""} could not be deleted; delete it in Teams`;
  return (
    `meeting type "${result.typeId}" cannot be booked in this tenant: Graph did not apply ` +
    `${result.unapplied.join(", ")}. License the organizers for Teams Premium, or turn the ` +
    "setting off for this type in POLICY_FILE (teams.premium), then start again"
  );
}
