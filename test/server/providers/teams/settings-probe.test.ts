// The start-up check of uncertain Graph settings (anonymizeIdentityForRoles): one real meeting
// per affected type in the tenant, compared and deleted; a type whose settings do not apply is
// refused before the service listens, never after a clinician's click.
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulators, type Emulators } from "../../../../src/emulators";
import {
  describeProbeFailure,
  probeUncertainSettings,
} from "../../../../src/server/providers/teams";
import { DEFAULT_POLICY, type Policy } from "../../../../src/shared";
import { ORGANIZER, resetEmulator } from "../helpers";
import { testEnv } from "../../support/test-app";
import { meetings, setAccessPolicy, setTenant, teamsConfig } from "./teams-fixtures";

let emu: Emulators;
beforeAll(async () => {
  emu = await startEmulators({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => resetEmulator(emu.graph.url));

const PREMIUM: Policy = { ...DEFAULT_POLICY, teamsPremium: true };
const probe = (policy: Policy, enabled = true) =>
  probeUncertainSettings(
    teamsConfig(emu, enabled ? { probeOrganizerOid: ORGANIZER.oid } : {}),
    policy,
  );

describe("start-up probe of uncertain Graph settings", () => {
  it("does nothing unless the region names a probe organizer or a type uses the setting", async () => {
    expect(await probe(PREMIUM, false)).toEqual([]);
    expect(await probe(DEFAULT_POLICY)).toEqual([]); // no Premium: the setting is never sent
    expect(await meetings(emu)).toEqual([]);
  });

  it("passes a tenant that applies the setting, and leaves nothing behind", async () => {
    await setTenant(emu, { premium: true });
    expect(await probe(PREMIUM)).toEqual([]);
    expect(await meetings(emu)).toEqual([]);
  });

  it("refuses exactly the type whose uncertain setting Graph drops", async () => {
    await setTenant(emu, { premium: true, ignoredProperties: ["anonymizeIdentityForRoles"] });
    const failures = await probe(PREMIUM);
    expect(failures.map((f) => [f.typeId, f.unapplied])).toEqual([
      ["information", ["anonymizeIdentityForRoles"]],
    ]);
    expect(describeProbeFailure(failures[0]!)).toContain(
      'meeting type "information" cannot be booked in this tenant: Graph did not apply anonymizeIdentityForRoles',
    );
    expect(await meetings(emu)).toEqual([]);
  });

  it("reports a refused create (no access policy) with the fix", async () => {
    await setTenant(emu, { premium: true });
    await setAccessPolicy(emu, { grantAll: false });
    const [failure] = await probe(PREMIUM);
    expect(describeProbeFailure(failure!)).toContain("New-CsApplicationAccessPolicy");
  });
});

describe("the production entry point", () => {
  it("exits with the reason instead of listening when a type cannot be protected", async () => {
    await setTenant(emu, { premium: true, ignoredProperties: ["anonymizeIdentityForRoles"] });
    const policyFile = join(tmpdir(), `svm-probe-policy-${process.pid}.json`);
    writeFileSync(policyFile, JSON.stringify(PREMIUM));
    try {
      const env = testEnv(emu, {
        POLICY_FILE: policyFile,
        GRAPH_PROBE_ORGANIZER_OID: ORGANIZER.oid,
        PORT: "0",
        HOST: "127.0.0.1",
        SQLITE_PATH: ":memory:",
      });
      const child = spawn(process.execPath, ["--import", "tsx", "src/server/server.ts"], {
        env: { PATH: process.env.PATH, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('meeting type "information" cannot be booked in this tenant');
      expect(await meetings(emu)).toEqual([]);
    } finally {
      rmSync(policyFile, { force: true });
    }
  });
});
