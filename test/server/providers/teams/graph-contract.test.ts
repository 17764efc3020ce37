// What the Teams provider sends to Graph /v1.0, against Microsoft's published v1.0 metadata:
// every property exists there (or is one of the named uncertain settings, which the smoke test
// and the start-up probe try in the tenant), every enum value is a member, every value has the
// property's type, and createOrGet sends only the action's parameters.
import { describe, expect, it } from "vitest";
import {
  GraphCreateOnly,
  GraphMeetingSettings,
  graphTimes,
  toGraphCreateOnly,
  toGraphMeetingSettings,
  UNCERTAIN_V1_SETTINGS,
} from "../../../../src/server/providers/teams";
import { GraphCreateOrGet } from "../../../../src/server/providers/teams/graph-schemas";
import { DEFAULT_POLICY, type Policy, type TeamsMeetingType } from "../../../../src/shared";
import {
  csdlProblems,
  readGraphCsdl,
  readJsonFixture,
} from "../../../fixtures/contracts/contracts";

const csdl = readGraphCsdl();
const v1 = csdl.propertiesOf("onlineMeeting");

/** Every Teams type of the built-in policy, and one with every Premium option on. */
function everyTeamsBody(): Array<Record<string, unknown>> {
  const policy: Policy = { ...DEFAULT_POLICY, teamsPremium: true };
  const types = policy.types.filter((t): t is TeamsMeetingType => t.service === "teams");
  const [first] = types;
  const maximal: TeamsMeetingType = {
    ...first!,
    teams: {
      ...first!.teams,
      lobbyScope: "organizationExcludingGuests",
      premium: {
        watermarkProtection: true,
        endToEndEncryption: true,
        anonymizeAttendees: true,
        sensitivityLabelId: "5e3c9a8b-0000-4000-8000-00000000beef",
        meetingTemplateId: "4b5a3c2d-0000-4000-8000-0000000000aa",
      },
    },
  };
  const window = {
    start: new Date("2031-05-06T08:00:00Z"),
    end: new Date("2031-05-06T09:00:00Z"),
    seriesEnd: null,
  };
  return [...types, maximal].map((type) => ({
    externalId: "5d0c7c56-8f6b-4b6e-9d49-2b0d6f3f0a11",
    subject: "Skyddat vårdmöte",
    ...graphTimes(window),
    ...toGraphMeetingSettings(type, policy),
    ...toGraphCreateOnly(type, policy),
  }));
}

describe("Teams provider requests vs Graph v1.0 metadata", () => {
  it("every property the schemas can send is v1.0 or named uncertain (and only those are)", () => {
    const sendable = [
      ...Object.keys(GraphMeetingSettings.shape),
      ...Object.keys(GraphCreateOnly.shape),
      ...Object.keys(GraphCreateOrGet.shape),
    ];
    const missing = sendable.filter((name) => !v1.has(name));
    expect(missing).toEqual([...UNCERTAIN_V1_SETTINGS]);
  });

  it("the uncertain settings are beta properties and in Microsoft's beta typings only", () => {
    const beta = readJsonFixture<{ onlineMeetingBase: { properties: string[] } }>(
      "graph/beta-online-meeting.json",
    );
    const npm = readJsonFixture<{
      packages: Record<
        string,
        { api: string; interfaces: { OnlineMeetingBase: { properties: object } } }
      >;
    }>("graph/graph-types-npm.json");
    const byApi = Object.fromEntries(
      Object.values(npm.packages).map((p) => [
        p.api,
        Object.keys(p.interfaces.OnlineMeetingBase.properties),
      ]),
    );
    for (const setting of UNCERTAIN_V1_SETTINGS) {
      expect(beta.onlineMeetingBase.properties).toContain(setting);
      expect(byApi["v1.0"]).not.toContain(setting);
      expect(byApi.beta).toContain(setting);
    }
  });

  it("every body the mapper builds has v1.0 names, enum members and types", () => {
    const extras = new Set(UNCERTAIN_V1_SETTINGS.map((s) => `onlineMeeting.${s}`));
    for (const body of everyTeamsBody())
      expect(csdlProblems(csdl, body, "graph.onlineMeeting", "body", { extras })).toEqual([]);
    const roles = csdl.enums.get("onlineMeetingRole")!;
    expect(roles).toContain("attendee");
  });

  it("the zod enums the schemas allow are members of Graph's enums", () => {
    const members = (name: string) => csdl.enums.get(name)!;
    expect(members("lobbyBypassScope")).toEqual(
      expect.arrayContaining(GraphMeetingSettings.shape.lobbyBypassSettings.shape.scope.options),
    );
    expect(members("onlineMeetingPresenters")).toEqual(
      expect.arrayContaining(GraphMeetingSettings.shape.allowedPresenters.options),
    );
    expect(members("meetingChatMode")).toEqual(
      expect.arrayContaining(GraphMeetingSettings.shape.allowMeetingChat.options),
    );
  });

  it("createOrGet sends only the action's parameters", () => {
    const parameters = csdl.actions.get("createOrGet")!.map((p) => p.name);
    for (const name of Object.keys(GraphCreateOrGet.shape)) expect(parameters).toContain(name);
    expect(csdl.actions.get("createOrGet")!.find((p) => p.name === "externalId")?.nullable).toBe(
      false,
    );
  });
});
