import { describe, expect, it } from "vitest";
import {
  graphTimes,
  teamsJoinData,
  TeamsConfig,
  toGraphCreateOnly,
  toGraphMeetingSettings,
  unappliedSettings,
} from "../../../../src/server/providers/teams";
import { DEFAULT_POLICY, type Policy, type TeamsMeetingType } from "../../../../src/shared";
import { teamsType } from "../helpers";

const premium: Policy = { ...DEFAULT_POLICY, teamsPremium: true };

describe("toGraphMeetingSettings", () => {
  it("maps the information type to Graph's protection properties, no Premium by default", () => {
    expect(toGraphMeetingSettings(teamsType("information"), DEFAULT_POLICY)).toEqual({
      lobbyBypassSettings: { scope: "organizer", isDialInBypassEnabled: false },
      allowedPresenters: "organizer",
      allowMeetingChat: "disabled",
      allowRecording: false,
      allowTranscription: false,
      allowAttendeeToEnableMic: false,
      allowAttendeeToEnableCamera: false,
      isEntryExitAnnounced: false,
    });
  });

  it("adds the Premium options when the policy says the tenant has Premium", () => {
    expect(toGraphMeetingSettings(teamsType("information"), premium)).toMatchObject({
      watermarkProtection: { isEnabledForContentSharing: false, isEnabledForVideo: false },
      isEndToEndEncryptionEnabled: false,
      anonymizeIdentityForRoles: ["attendee"],
    });
    const internal = toGraphMeetingSettings(teamsType("internal"), premium);
    expect(internal).toMatchObject({
      lobbyBypassSettings: { scope: "organizationExcludingGuests" },
      allowMeetingChat: "enabled",
      watermarkProtection: { isEnabledForContentSharing: true, isEnabledForVideo: true },
      isEndToEndEncryptionEnabled: true,
    });
    // Never sent to remove: Graph cannot take it back once set.
    expect(internal).not.toHaveProperty("anonymizeIdentityForRoles");
  });

  it("sends a sensitivity label only when the type names one", () => {
    const type = teamsType("internal");
    const labelled: TeamsMeetingType = {
      ...type,
      teams: { ...type.teams, premium: { ...type.teams.premium, sensitivityLabelId: "lbl" } },
    };
    expect(toGraphMeetingSettings(labelled, premium).sensitivityLabelAssignment).toEqual({
      sensitivityLabelId: "lbl",
    });
    expect(toGraphMeetingSettings(labelled, DEFAULT_POLICY)).not.toHaveProperty(
      "sensitivityLabelAssignment",
    );
  });
});

describe("toGraphCreateOnly", () => {
  it("asks for a passcode per the type, and a template only with Premium", () => {
    const type = teamsType("internal");
    const templated: TeamsMeetingType = {
      ...type,
      teams: { ...type.teams, premium: { ...type.teams.premium, meetingTemplateId: "tpl" } },
    };
    expect(toGraphCreateOnly(templated, DEFAULT_POLICY)).toEqual({
      joinMeetingIdSettings: { isPasscodeRequired: true },
    });
    expect(toGraphCreateOnly(templated, premium)).toEqual({
      joinMeetingIdSettings: { isPasscodeRequired: true },
      meetingTemplateId: "tpl",
    });
  });
});

describe("graphTimes", () => {
  const start = new Date("2030-01-02T09:00:00Z");
  const end = new Date("2030-01-02T10:00:00Z");
  it("uses the meeting's end, or the series' end", () => {
    expect(graphTimes({ start, end, seriesEnd: null })).toEqual({
      startDateTime: "2030-01-02T09:00:00.000Z",
      endDateTime: "2030-01-02T10:00:00.000Z",
    });
    const seriesEnd = new Date("2030-03-02T10:00:00Z");
    expect(graphTimes({ start, end, seriesEnd }).endDateTime).toBe("2030-03-02T10:00:00.000Z");
  });
});

describe("teamsJoinData", () => {
  const meeting = {
    id: "m1",
    joinWebUrl: "https://teams.microsoft.com/meet/123456789012?p=AbCdEf",
    joinMeetingIdSettings: {
      isPasscodeRequired: true,
      joinMeetingId: "123456789012",
      passcode: "x7Yz9q",
    },
    audioConferencing: {
      conferenceId: "987654321",
      tollNumber: "+46 70 174 06 98",
      tollNumbers: ["+46 70 174 06 99"],
    },
  };

  it("takes the link unparsed, the meeting ID, passcode and first toll number", () => {
    expect(teamsJoinData(meeting)).toEqual({
      url: meeting.joinWebUrl,
      meetingId: "123456789012",
      passcode: "x7Yz9q",
      dialIn: { number: "+46 70 174 06 99", conferenceId: "987654321" },
    });
  });

  it("leaves out what Graph did not give", () => {
    expect(
      teamsJoinData({ ...meeting, joinMeetingIdSettings: null, audioConferencing: null }),
    ).toEqual({ url: meeting.joinWebUrl });
  });

  it("refuses a join link that is not https", () => {
    expect(
      teamsJoinData({ ...meeting, joinWebUrl: "http://teams.example/meet/1" }),
    ).toBeUndefined();
  });
});

describe("unappliedSettings", () => {
  const sent = toGraphMeetingSettings(teamsType("internal"), premium);
  const applied = { id: "m", joinWebUrl: "https://t.example/x", ...sent };

  it("is empty when Graph shows everything we sent", () => {
    expect(unappliedSettings(sent, applied)).toEqual([]);
  });

  it("names what Graph ignored", () => {
    expect(
      unappliedSettings(sent, {
        ...applied,
        watermarkProtection: null,
        isEndToEndEncryptionEnabled: false,
        lobbyBypassSettings: { scope: "everyone", isDialInBypassEnabled: false },
      }),
    ).toEqual(["lobbyBypassSettings", "watermarkProtection", "isEndToEndEncryptionEnabled"]);
  });
});

describe("TeamsConfig", () => {
  const base = {
    tenantId: "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
    clientId: "c0ffee00-5e55-4a11-9d0c-000000000a91",
    credential: { kind: "secret", clientSecret: "s" },
  };
  it("defaults to Microsoft's endpoints and the fixed subject", () => {
    expect(TeamsConfig.parse(base)).toMatchObject({
      graphUrl: "https://graph.microsoft.com/v1.0",
      authorityUrl: "https://login.microsoftonline.com",
      graphScope: "https://graph.microsoft.com/.default",
      subject: "Skyddat vårdmöte",
    });
  });
  it.each([
    ["a tenant id with a slash", { tenantId: "a/b" }],
    ["an empty secret", { credential: { kind: "secret", clientSecret: "" } }],
    ["an unknown credential kind", { credential: { kind: "password", password: "p" } }],
    ["Graph over plain http", { graphUrl: "http://graph.example/v1.0" }],
  ])("refuses %s", (_label, change) => {
    expect(TeamsConfig.safeParse({ ...base, ...change }).success).toBe(false);
  });
});
