// Smoke checks of the video services: one real meeting per meeting type with every setting,
// read back and compared setting by setting, deleted again; then the join links' hosts.
import type { Config } from "../src/server/config";
import { ProviderError } from "../src/server/errors";
import { checkPexipType, pexipCheckPassed } from "../src/server/providers/pexip";
import {
  checkTeamsType,
  createGraphApi,
  TeamsConfig,
  UNCERTAIN_V1_SETTINGS,
  type TypeCheck,
} from "../src/server/providers/teams";
import type { PexipMeetingType, TeamsMeetingType } from "../src/shared";
import { failed, ok, type CheckLine } from "./smoke-report";

const PREMIUM_SETTINGS = new Set([
  "watermarkProtection",
  "isEndToEndEncryptionEnabled",
  "sensitivityLabelAssignment",
  "meetingTemplateId",
  "anonymizeIdentityForRoles",
]);

function teamsFix(setting: string): string {
  if ((UNCERTAIN_V1_SETTINGS as readonly string[]).includes(setting))
    return (
      `Graph v1.0 does not apply ${setting} in this tenant, so this type cannot be booked: ` +
      "license the organizers for Teams Premium, or turn the option off for this type in " +
      "POLICY_FILE (teams.premium), and run the smoke test again"
    );
  if (PREMIUM_SETTINGS.has(setting))
    return (
      `${setting} needs Teams Premium for the organizer: license the organizers, or set ` +
      '"teamsPremium": false (or the type\'s teams.premium option) in POLICY_FILE'
    );
  return (
    `Teams kept its own value for ${setting}: check the Teams meeting policy assigned to the ` +
    "organizers (Teams admin center → Meetings → Meeting policies) against the type's settings"
  );
}

function providerFix(err: unknown, service: "Pexip" | "Teams"): string {
  if (err instanceof ProviderError && err.kind === "not_authorized")
    return service === "Pexip"
      ? "Infinity refused the credentials: check PEXIP_USERNAME/PEXIP_PASSWORD (a local API account) or the OAuth2 client (PEXIP_OAUTH_CLIENT_ID, key) and its role"
      : "follow the hint above (application access policy or Graph permission); see docs/deploy.md §3c";
  if (err instanceof ProviderError && err.kind === "rejected")
    return `${service} refused the meeting's settings: compare POLICY_FILE with what the service supports`;
  return `${service} could not be reached in time: check the URL, proxy, firewall and the service's health`;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function teamsLines(result: TypeCheck): CheckLine[] {
  const title = `Teams type ${result.typeId}`;
  if (result.error)
    return [failed(title, message(result.error), providerFix(result.error, "Teams"))];
  const lines: CheckLine[] = [];
  const applied = result.settings.filter((s) => s.applied).map((s) => s.setting);
  if (applied.length > 0)
    lines.push(
      ok(title, `${applied.length} settings applied and read back (${applied.join(", ")})`),
    );
  for (const setting of result.unapplied)
    lines.push(failed(`${title}: ${setting}`, "sent, but not applied", teamsFix(setting)));
  if (result.leftBehind)
    lines.push(
      failed(
        title,
        `the check meeting ${result.leftBehind} could not be deleted`,
        "delete it in Teams by hand",
      ),
    );
  return lines;
}

export interface ProviderChecks {
  lines: CheckLine[];
  joinUrls: string[];
}

export async function checkTeams(
  config: Config,
  organizerOid: string | undefined,
): Promise<ProviderChecks> {
  const types = config.policy.types.filter((t): t is TeamsMeetingType => t.service === "teams");
  if (types.length === 0 || !config.providers.teams) return { lines: [], joinUrls: [] };
  if (!organizerOid)
    return {
      lines: [
        failed(
          "Teams meetings",
          "no test organizer given",
          "set SMOKE_ORGANIZER_OID to the object id of a test user covered by the Teams application access policy",
        ),
      ],
      joinUrls: [],
    };
  const teams = TeamsConfig.parse(config.providers.teams);
  const api = createGraphApi(teams, {});
  const lines: CheckLine[] = [];
  const joinUrls: string[] = [];
  for (const type of types) {
    const result = await checkTeamsType(api, teams.subject, organizerOid, type, config.policy);
    lines.push(...teamsLines(result));
    if (result.joinUrl) joinUrls.push(result.joinUrl);
  }
  return { lines, joinUrls };
}

export async function checkPexip(config: Config): Promise<ProviderChecks> {
  const types = config.policy.types.filter((t): t is PexipMeetingType => t.service === "pexip");
  const pexip = config.providers.pexip;
  if (types.length === 0 || !pexip) return { lines: [], joinUrls: [] };
  const lines: CheckLine[] = [];
  const joinUrls: string[] = [];
  for (const type of types) {
    const title = `Pexip type ${type.id}`;
    const result = await checkPexipType(pexip, type, config.policy);
    if (result.error)
      lines.push(failed(title, message(result.error), providerFix(result.error, "Pexip")));
    else if (pexipCheckPassed(result))
      lines.push(ok(title, `VMR created, ${result.fields.length} fields stored as sent, deleted`));
    for (const field of result.differing)
      lines.push(
        failed(
          `${title}: ${field}`,
          "Infinity stored another value than the service sent",
          "check the Infinity version and the type's pexip settings in POLICY_FILE (a field Infinity does not know is silently dropped)",
        ),
      );
    if (result.leftBehind)
      lines.push(
        failed(
          title,
          `the check VMR ${result.leftBehind} could not be deleted`,
          "delete it on the Management Node",
        ),
      );
    if (result.joinUrl) joinUrls.push(result.joinUrl);
  }
  return { lines, joinUrls };
}

export type ProbeHost = (origin: URL) => Promise<number>;

/** Every join link's host must answer https: attendees' browsers and apps go there. */
export async function checkJoinHosts(
  urls: readonly string[],
  probe: ProbeHost,
): Promise<CheckLine[]> {
  const origins = [...new Set(urls.map((u) => new URL(u).origin))];
  const lines: CheckLine[] = [];
  for (const origin of origins) {
    const title = `join link host ${new URL(origin).host}`;
    try {
      const status = await probe(new URL(origin));
      lines.push(ok(title, `answers (HTTP ${status})`));
    } catch (err) {
      lines.push(
        failed(
          title,
          `no answer: ${message(err)}`,
          "attendees must reach this host: check DNS, the firewall and PEXIP_NODE_URL (Conferencing Node)",
        ),
      );
    }
  }
  return lines;
}
