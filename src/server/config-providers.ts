// PEXIP_* and GRAPH_* variables, mapped into the providers' own config schemas (PexipConfig,
// TeamsConfig), so a region's typo stops start-up with the variable's name.
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { PexipConfig, type PexipConfigInput } from "./providers/pexip";
import { TeamsConfig, type TeamsConfigInput } from "./providers/teams";

export interface ProviderSettings {
  pexip?: PexipConfigInput;
  teams?: TeamsConfigInput;
}

type Env = Record<string, string | undefined>;

/** PEXIP_* field ← variable, for error messages that name the variable. */
const PEXIP_VARS: Record<string, string> = {
  managementUrl: "PEXIP_MANAGEMENT_URL",
  nodeUrl: "PEXIP_NODE_URL",
  sipDomain: "PEXIP_SIP_DOMAIN",
  "auth.kind": "PEXIP_AUTH",
  "auth.username": "PEXIP_USERNAME",
  "auth.password": "PEXIP_PASSWORD",
  "auth.clientId": "PEXIP_OAUTH_CLIENT_ID",
  "auth.privateKeyPem": "PEXIP_OAUTH_PRIVATE_KEY_FILE",
  "auth.tokenUrl": "PEXIP_OAUTH_TOKEN_URL",
  aliasPrefix: "PEXIP_ALIAS_PREFIX",
  aliasLength: "PEXIP_ALIAS_LENGTH",
  tag: "PEXIP_TAG",
  pinLength: "PEXIP_PIN_LENGTH",
  "http.deadlineMs": "PEXIP_DEADLINE_MS",
};

export class ProviderConfigError extends Error {
  override readonly name = "ProviderConfigError";
}

function num(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** A PEM from a file (PEXIP_OAUTH_PRIVATE_KEY_FILE) or inline (…_PRIVATE_KEY, \n escaped). */
export function pemFrom(env: Env, fileVar: string, inlineVar: string, read: (p: string) => string) {
  const file = env[fileVar];
  if (file) {
    try {
      return read(file);
    } catch (err) {
      throw new ProviderConfigError(`${fileVar}: cannot read ${file} (${(err as Error).message})`);
    }
  }
  return env[inlineVar]?.replace(/\\n/g, "\n");
}

function describe(error: z.ZodError, names: Record<string, string>, prefix: string): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      return `${names[field] ?? `${prefix} ${field}`}: ${issue.message}`;
    })
    .join("; ");
}

function readPexip(env: Env, read: (p: string) => string): PexipConfigInput {
  const kind = env.PEXIP_AUTH ?? (env.PEXIP_OAUTH_CLIENT_ID ? "oauth2" : "basic");
  const auth =
    kind === "oauth2"
      ? {
          kind,
          clientId: env.PEXIP_OAUTH_CLIENT_ID,
          privateKeyPem: pemFrom(
            env,
            "PEXIP_OAUTH_PRIVATE_KEY_FILE",
            "PEXIP_OAUTH_PRIVATE_KEY",
            read,
          ),
          tokenUrl: env.PEXIP_OAUTH_TOKEN_URL,
        }
      : { kind, username: env.PEXIP_USERNAME, password: env.PEXIP_PASSWORD };
  const input = {
    managementUrl: env.PEXIP_MANAGEMENT_URL,
    nodeUrl: env.PEXIP_NODE_URL,
    sipDomain: env.PEXIP_SIP_DOMAIN,
    auth,
    aliasPrefix: env.PEXIP_ALIAS_PREFIX,
    aliasLength: num(env.PEXIP_ALIAS_LENGTH),
    tag: env.PEXIP_TAG,
    pinLength: num(env.PEXIP_PIN_LENGTH),
    http: { deadlineMs: num(env.PEXIP_DEADLINE_MS) },
  };
  const parsed = PexipConfig.safeParse(JSON.parse(JSON.stringify(input)));
  if (!parsed.success) throw new ProviderConfigError(describe(parsed.error, PEXIP_VARS, "PEXIP"));
  return parsed.data;
}

const GRAPH_VARS: Record<string, string> = {
  graphUrl: "GRAPH_URL",
  authorityUrl: "GRAPH_AUTHORITY_URL",
  tenantId: "GRAPH_TENANT_ID",
  clientId: "GRAPH_CLIENT_ID",
  "credential.kind": "GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_KEY_FILE",
  "credential.clientSecret": "GRAPH_CLIENT_SECRET",
  "credential.privateKeyPem": "GRAPH_CERTIFICATE_KEY_FILE",
  "credential.certificatePem": "GRAPH_CERTIFICATE_FILE",
  "credential.thumbprint": "GRAPH_CERTIFICATE_THUMBPRINT",
  credential: "GRAPH_CERTIFICATE_FILE or GRAPH_CERTIFICATE_THUMBPRINT",
  "http.deadlineMs": "GRAPH_DEADLINE_MS",
  probeOrganizerOid: "GRAPH_PROBE_ORGANIZER_OID",
};

function readGraph(env: Env, read: (p: string) => string): TeamsConfigInput {
  const keyPem = pemFrom(env, "GRAPH_CERTIFICATE_KEY_FILE", "GRAPH_CERTIFICATE_KEY", read);
  const credential =
    keyPem !== undefined
      ? {
          kind: "certificate",
          privateKeyPem: keyPem,
          certificatePem: pemFrom(env, "GRAPH_CERTIFICATE_FILE", "GRAPH_CERTIFICATE", read),
          thumbprint: env.GRAPH_CERTIFICATE_THUMBPRINT,
        }
      : { kind: "secret", clientSecret: env.GRAPH_CLIENT_SECRET };
  const input = {
    graphUrl: env.GRAPH_URL,
    authorityUrl: env.GRAPH_AUTHORITY_URL ?? env.ENTRA_AUTHORITY_HOST,
    tenantId: env.GRAPH_TENANT_ID,
    clientId: env.GRAPH_CLIENT_ID,
    credential,
    http: { deadlineMs: num(env.GRAPH_DEADLINE_MS) },
    probeOrganizerOid: env.GRAPH_PROBE_ORGANIZER_OID,
  };
  const parsed = TeamsConfig.safeParse(JSON.parse(JSON.stringify(input)));
  if (!parsed.success) throw new ProviderConfigError(describe(parsed.error, GRAPH_VARS, "GRAPH"));
  return parsed.data;
}

/** Pexip is on when PEXIP_MANAGEMENT_URL is set, Teams when GRAPH_TENANT_ID is set. */
export function readProviderSettings(
  env: Env,
  read: (path: string) => string = (p) => readFileSync(p, "utf8"),
): ProviderSettings {
  return {
    ...(env.PEXIP_MANAGEMENT_URL ? { pexip: readPexip(env, read) } : {}),
    ...(env.GRAPH_TENANT_ID ? { teams: readGraph(env, read) } : {}),
  };
}
