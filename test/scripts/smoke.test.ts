// `npm run smoke` against the emulators over real HTTP on loopback: green on a correct setup, and
// for each mistake a region can make the right red line, with nothing left behind in the
// emulators.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENTRA_DEFAULTS, startEmulators, type Emulators } from "../../src/emulators";
import { DEFAULT_POLICY } from "../../src/shared";
import { formatChecklist, type CheckLine } from "../../scripts/smoke-report";
import { runSmoke } from "../../scripts/smoke-run";
import { testEnv } from "../server/support/test-app";

const ORGANIZER = "7d1c0b7e-2a44-4f55-9a1e-3c0de0000001";

let emu: Emulators;
let dir: string;
let policyFile: string;
let teamsHost: Server;
let teamsHostUrl: string;

/** Teams' join host cannot be reached from here: a loopback server answers in its place. */
const probeHost = async (origin: URL) => {
  const target = origin.hostname === "127.0.0.1" ? origin : new URL(teamsHostUrl);
  const res = await fetch(target);
  await res.body?.cancel();
  return res.status;
};

beforeAll(async () => {
  emu = await startEmulators({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "svm-smoke-"));
  policyFile = join(dir, "policy.json");
  writeFileSync(policyFile, JSON.stringify({ ...DEFAULT_POLICY, teamsPremium: true }));
  teamsHost = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => teamsHost.listen(0, "127.0.0.1", resolve));
  teamsHostUrl = `http://127.0.0.1:${(teamsHost.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => teamsHost.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  for (const e of [emu.pexip, emu.graph, emu.entra]) e.reset();
  emu.graph.setTenant(emu.entra.tenantId, { premium: true });
});

async function smoke(extra: Record<string, string> = {}, emulators = emu) {
  const token = (await emulators.entra.issueUserToken({ user: "smoke.user" })).access_token;
  const env = testEnv(emulators, {
    POLICY_FILE: policyFile,
    SMOKE_ORGANIZER_OID: ORGANIZER,
    SMOKE_USER_TOKEN: token,
    ...extra,
  });
  return runSmoke(env, { probeHost });
}

const red = (lines: CheckLine[]) => lines.filter((l) => l.outcome === "failed");

function nothingLeft(emulators = emu) {
  expect(emulators.pexip.state().conferences).toEqual([]);
  expect(emulators.pexip.state().aliases).toEqual([]);
  expect(emulators.graph.state().meetings).toEqual([]);
}

describe("npm run smoke against the emulators", () => {
  it("prints a green checklist for a correct setup and leaves nothing behind", async () => {
    const lines = await smoke();
    expect(red(lines)).toEqual([]);
    const titles = lines.map((l) => l.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "configuration",
        `Entra ID OpenID metadata (tenant ${emu.entra.tenantId})`,
        "Entra ID signing keys (JWKS)",
        "user token for the booking API",
        "Microsoft Graph app token",
        "Teams type information",
        "Teams type internal",
        "Pexip type care",
        "join link host teams.microsoft.com",
      ]),
    );
    const information = lines.find((l) => l.title === "Teams type information")!;
    expect(information.detail).toContain("anonymizeIdentityForRoles");
    expect(formatChecklist(lines)).toMatch(/smoke: \d+ ok, 0 failed, 0 skipped\n$/);
    nothingLeft();
  });

  it("a token for the wrong audience: the user-token line says so", async () => {
    const token = (
      await emu.entra.issueUserToken({ user: "smoke.user", audience: "api://someone-else" })
    ).access_token;
    const lines = await smoke({ SMOKE_USER_TOKEN: token });
    expect(red(lines).map((l) => [l.title, l.detail])).toEqual([
      [
        "user token for the booking API",
        expect.stringContaining("wrong audience: api://someone-else"),
      ],
    ]);
    nothingLeft();
  });

  it("a v1.0 token (registration without accessTokenAcceptedVersion 2)", async () => {
    emu.entra.setAccessTokenAcceptedVersion(null);
    const lines = await smoke();
    const [line] = red(lines);
    expect(red(lines)).toHaveLength(1);
    expect(line!.detail).toContain("accessTokenAcceptedVersion must be 2");
    expect(formatChecklist(lines)).toContain(
      "✘ user token for the booking API: refused: a v1.0 access token",
    );
  });

  it("the uncertain setting not applied: its type gets a red line with the fix", async () => {
    emu.graph.setTenant(emu.entra.tenantId, { ignoredProperties: ["anonymizeIdentityForRoles"] });
    const lines = await smoke();
    expect(red(lines).map((l) => l.title)).toEqual([
      "Teams type information: anonymizeIdentityForRoles",
    ]);
    expect(red(lines)[0]!.fix).toContain("this type cannot be booked");
    nothingLeft();
  });

  it("Pexip refuses the credentials (401): each Pexip type is red with the fix", async () => {
    const lines = await smoke({ PEXIP_PASSWORD: "wrong" });
    expect(red(lines).map((l) => l.title)).toEqual(["Pexip type care"]);
    expect(red(lines)[0]!.fix).toContain("PEXIP_USERNAME/PEXIP_PASSWORD");
    nothingLeft();
  });

  it("deletes what it created when a check fails half-way", async () => {
    emu.pexip.faults.add({
      route: "GET /api/admin/configuration/v1/conference/",
      status: 400,
      count: 1,
    });
    emu.graph.faults.add({ route: "GET /v1.0/users/", status: 404, count: 1 });
    const lines = await smoke();
    expect(
      red(lines)
        .map((l) => l.title)
        .sort(),
    ).toEqual([
      "Pexip type care",
      "Teams type information: allowAttendeeToEnableCamera",
      "Teams type information: allowAttendeeToEnableMic",
      "Teams type information: allowMeetingChat",
      "Teams type information: allowRecording",
      "Teams type information: allowTranscription",
      "Teams type information: allowedPresenters",
      "Teams type information: anonymizeIdentityForRoles",
      "Teams type information: isEndToEndEncryptionEnabled",
      "Teams type information: isEntryExitAnnounced",
      "Teams type information: joinMeetingIdSettings",
      "Teams type information: lobbyBypassSettings",
      "Teams type information: watermarkProtection",
    ]);
    nothingLeft();
  });

  it("a broken configuration is one red line naming the variable", async () => {
    const lines = await runSmoke(
      { ...testEnv(emu), ENTRA_API_APP_ID: "not-a-guid" },
      { probeHost },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outcome: "failed", title: "configuration" });
    expect(lines[0]!.detail).toContain("ENTRA_API_APP_ID: must be a GUID");
  });
});

describe("npm run smoke: a missing Graph permission", () => {
  let bare: Emulators;
  beforeAll(async () => {
    bare = await startEmulators({
      port: 0,
      entra: {
        clients: [
          { clientId: ENTRA_DEFAULTS.apiAppId, secret: ENTRA_DEFAULTS.clientSecret, roles: [] },
        ],
      },
    });
  });
  afterAll(() => bare.close());

  it("names the permission to grant, and the Teams types fail without leaving anything", async () => {
    bare.graph.setTenant(bare.entra.tenantId, { premium: true });
    const lines = await smoke({}, bare);
    const graph = lines.find((l) => l.title === "Microsoft Graph app token")!;
    expect(graph.outcome).toBe("failed");
    expect(graph.detail).toContain("lacks OnlineMeetings.ReadWrite.All");
    expect(graph.fix).toContain("Grant admin consent");
    expect(red(lines).map((l) => l.title)).toEqual([
      "Microsoft Graph app token",
      "Teams type information",
      "Teams type internal",
    ]);
    nothingLeft(bare);
  });
});

describe("npm run smoke as a region runs it (child process, --env-file)", () => {
  function runCli(envFile: string): Promise<{ code: number | null; stdout: string }> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/smoke.ts", "--env-file", envFile],
      {
        env: { PATH: process.env.PATH },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout })));
  }

  function envFile(name: string, extra: Record<string, string>): string {
    const care = DEFAULT_POLICY.types.filter((t) => t.service === "pexip");
    const pexipOnly = join(dir, "pexip-only.json");
    writeFileSync(
      pexipOnly,
      JSON.stringify({ ...DEFAULT_POLICY, types: care, defaultType: "care" }),
    );
    const env = Object.entries({ ...testEnv(emu), POLICY_FILE: pexipOnly, ...extra }).filter(
      ([key]) => !key.startsWith("GRAPH_"),
    );
    const file = join(dir, name);
    writeFileSync(file, ["# production.env", ...env.map(([k, v]) => `${k}="${v}"`)].join("\n"));
    return file;
  }

  it("exits 0 with a green checklist, and 1 with the red line when Pexip refuses", async () => {
    const green = await runCli(envFile("green.env", {}));
    expect(green.stdout).toMatch(
      /✔ Pexip type care: VMR created, \d+ fields stored as sent, deleted/,
    );
    expect(green.stdout).toContain("smoke: ");
    expect(green.code).toBe(0);
    const bad = await runCli(envFile("bad.env", { PEXIP_PASSWORD: "wrong" }));
    expect(bad.stdout).toContain("✘ Pexip type care: pexip create not_authorized (401)");
    expect(bad.code).toBe(1);
    nothingLeft();
  });
});
