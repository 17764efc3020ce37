// Emulators, config and a self-signed certificate for the Teams provider tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENTRA_DEFAULTS, type Emulators, type GraphState } from "../../../../src/emulators";
import type { TeamsConfigInput } from "../../../../src/server/providers/teams";
import { emulatorState } from "../helpers";

export const CERT_CLIENT_ID = "5e1f0000-0000-4000-8000-00000000ce27";

/** A throwaway RSA key and self-signed certificate (openssl), as region IT would upload one. */
export function makeCertificate(): { certificatePem: string; privateKeyPem: string } {
  const dir = mkdtempSync(join(tmpdir(), "svm-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=svm-booking-service-test",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return {
      certificatePem: readFileSync(join(dir, "cert.pem"), "utf8"),
      privateKeyPem: readFileSync(join(dir, "key.pem"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function teamsConfig(
  emu: Emulators,
  overrides: Partial<TeamsConfigInput> = {},
): TeamsConfigInput {
  return {
    graphUrl: `${emu.graph.url}/v1.0`,
    authorityUrl: emu.entra.url,
    tenantId: ENTRA_DEFAULTS.tenantId,
    clientId: ENTRA_DEFAULTS.apiAppId,
    credential: { kind: "secret", clientSecret: ENTRA_DEFAULTS.clientSecret },
    http: { attemptTimeoutMs: 5_000, deadlineMs: 10_000, baseDelayMs: 20 },
    ...overrides,
  };
}

export const meetings = async (emu: Emulators) =>
  (await emulatorState<GraphState>(emu.graph.url)).meetings;

export async function setTenant(emu: Emulators, settings: Record<string, unknown>): Promise<void> {
  await fetch(`${emu.graph.url}/_emulator/tenants/${ENTRA_DEFAULTS.tenantId}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
}

export async function setAccessPolicy(
  emu: Emulators,
  policy: Record<string, unknown>,
): Promise<void> {
  await fetch(`${emu.graph.url}/_emulator/access-policy`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(policy),
  });
}
