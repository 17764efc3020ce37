// The certificate credential: a client assertion signed RS256 and naming the certificate by x5t,
// accepted by an Entra emulator that knows only the certificate (no secret for this client).
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRA_DEFAULTS, startEmulators, type Emulators } from "../../../../src/emulators";
import {
  certificateX5t,
  createTeamsProvider,
  TeamsConfig,
} from "../../../../src/server/providers/teams";
import { callLog, meetingInput, providerError, teamsType } from "../helpers";
import { CERT_CLIENT_ID, makeCertificate, meetings, teamsConfig } from "./teams-fixtures";

let emu: Emulators;
const cert = makeCertificate();
const otherCert = makeCertificate();

beforeAll(async () => {
  emu = await startEmulators({
    port: 0,
    entra: {
      clients: [
        { clientId: ENTRA_DEFAULTS.apiAppId, secret: ENTRA_DEFAULTS.clientSecret },
        { clientId: CERT_CLIENT_ID, certificatePem: cert.certificatePem },
      ],
    },
  });
});
afterAll(() => emu.close());

const thumbprint = new X509Certificate(cert.certificatePem).fingerprint.replaceAll(":", "");

describe("teams provider: certificate credential", () => {
  it.each([
    ["the certificate", { certificatePem: cert.certificatePem }],
    ["the portal's hex thumbprint", { thumbprint }],
    ["the x5t", { x5t: Buffer.from(thumbprint, "hex").toString("base64url") }],
  ])("gets a Graph token with %s and creates a meeting", async (_label, naming) => {
    const log = callLog();
    const teams = createTeamsProvider(
      teamsConfig(emu, {
        clientId: CERT_CLIENT_ID,
        credential: { kind: "certificate", privateKeyPem: cert.privateKeyPem, ...naming },
      }),
      { observe: log.observe },
    );
    const made = await teams.createMeeting(meetingInput(teamsType()));
    expect((await meetings(emu)).map((m) => m.id)).toContain(made.ref.externalId);
    expect(log.events.find((e) => e.operation === "token")).toMatchObject({
      provider: "entra",
      outcome: "ok",
    });
  });

  it("computes the same x5t from the certificate, the thumbprint and the x5t itself", () => {
    const x5t = Buffer.from(thumbprint, "hex").toString("base64url");
    const key = cert.privateKeyPem;
    expect(
      certificateX5t({
        kind: "certificate",
        privateKeyPem: key,
        certificatePem: cert.certificatePem,
      }),
    ).toBe(x5t);
    expect(certificateX5t({ kind: "certificate", privateKeyPem: key, thumbprint })).toBe(x5t);
    expect(certificateX5t({ kind: "certificate", privateKeyPem: key, x5t })).toBe(x5t);
  });

  it("answers an assertion signed with the wrong key with not_authorized", async () => {
    const teams = createTeamsProvider(
      teamsConfig(emu, {
        clientId: CERT_CLIENT_ID,
        credential: {
          kind: "certificate",
          privateKeyPem: otherCert.privateKeyPem,
          certificatePem: cert.certificatePem,
        },
      }),
    );
    const error = await providerError(teams.ping());
    expect(error).toMatchObject({ provider: "entra", operation: "token", kind: "not_authorized" });
    expect(error.message).toContain("invalid_client");
  });

  it("refuses a certificate credential that names no certificate", () => {
    const parsed = TeamsConfig.safeParse(
      teamsConfig(emu, { credential: { kind: "certificate", privateKeyPem: cert.privateKeyPem } }),
    );
    expect(parsed.success).toBe(false);
  });
});
