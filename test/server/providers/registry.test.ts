import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/server/errors";
import {
  createProviders,
  getProvider,
  meetingKey,
  MeetingKey,
  missingProviders,
  parseMeetingKey,
} from "../../../src/server/providers";
import { DEFAULT_POLICY } from "../../../src/shared";

const pexip = {
  managementUrl: "https://pexmgr.region.example",
  nodeUrl: "https://vmr.region.example",
  sipDomain: "vmr.region.example",
  auth: { kind: "basic" as const, username: "svm-api", password: "x" },
};
const teams = {
  tenantId: "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
  clientId: "c0ffee00-5e55-4a11-9d0c-000000000a91",
  credential: { kind: "secret" as const, clientSecret: "s" },
};

describe("provider registry", () => {
  it("builds one provider per configured service", () => {
    const providers = createProviders({ pexip, teams });
    expect(providers.pexip?.service).toBe("pexip");
    expect(providers.teams?.service).toBe("teams");
    expect(missingProviders(DEFAULT_POLICY, providers)).toEqual([]);
  });

  it("leaves unconfigured services out and says which ones the policy needs", () => {
    const providers = createProviders({ pexip });
    expect(providers.teams).toBeUndefined();
    expect(missingProviders(DEFAULT_POLICY, providers)).toEqual(["teams"]);
    expect(() => getProvider(providers, "teams")).toThrow(AppError);
    try {
      getProvider(providers, "teams");
    } catch (error) {
      expect(error).toMatchObject({ code: "provider_unavailable", status: 503 });
    }
    expect(getProvider(providers, "pexip")).toBe(providers.pexip);
  });

  it("refuses a bad configuration at start-up", () => {
    expect(() => createProviders({ pexip: { ...pexip, aliasLength: 5 } })).toThrow(/aliasLength/);
  });
});

describe("meeting keys", () => {
  const id = "0b8f6a8e-1111-4222-8333-444455556666";
  it("is the booking id for the first meeting and gets a revision after that", () => {
    expect(meetingKey(id)).toBe(id);
    expect(meetingKey(id, 2)).toBe(`${id}.r2`);
    expect(parseMeetingKey(`${id}.r2`)).toEqual({ bookingId: id, revision: 2 });
    expect(parseMeetingKey(id)).toEqual({ bookingId: id, revision: 0 });
  });
  it("refuses anything else before it reaches a name or a URL", () => {
    for (const bad of ["", "svm", `${id}/..`, `${id}.r0`, `${id} `, "../conference"]) {
      expect(MeetingKey.safeParse(bad).success).toBe(false);
    }
  });
});
