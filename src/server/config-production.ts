// Settings the service refuses at start, each named by its variable. Every URL it calls or
// hands to the pane must be https unless it is on loopback (the embedded default's emulators):
// a JWKS or authority over http lets anyone on the path sign their own tokens. With
// NODE_ENV=production, development conveniences are refused too.
import type { Config } from "./config-types";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Null when `value` is https, or http on loopback; else why not. */
function insecureUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null; // a path on our own origin (API_BASE_URL) or checked elsewhere
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return null;
  return `must be an https URL (http only for localhost), got ${url.protocol}//${url.host}`;
}

/** How many different byte values a key has: a placeholder (all zeros, "aaaa…") has one. */
function distinctBytes(key: Buffer): number {
  return new Set(key).size;
}

/**
 * Every insecure setting as "VARIABLE: reason" (empty when there is none). `env` is the cleaned
 * environment (for the variables' own values), `config` what was built from it.
 */
export function insecureSettings(
  env: Record<string, string | undefined>,
  config: Config,
): string[] {
  const problems: string[] = [];
  const urls: Array<[string, string | undefined]> = [
    ["ENTRA_AUTHORITY_HOST", env.ENTRA_AUTHORITY_HOST],
    ["ENTRA_JWKS_URL", config.auth.jwksUrl],
    ["ADDIN_AUTHORITY", env.ADDIN_AUTHORITY],
    ["EMULATOR_TOKEN_URL", env.EMULATOR_TOKEN_URL],
    ["API_BASE_URL", env.API_BASE_URL],
    ["PEXIP_MANAGEMENT_URL", config.providers.pexip?.managementUrl],
    ["PEXIP_NODE_URL", config.providers.pexip?.nodeUrl],
    ["GRAPH_URL", config.providers.teams?.graphUrl],
    ["GRAPH_AUTHORITY_URL", config.providers.teams?.authorityUrl],
  ];
  for (const [name, value] of urls) {
    const why = insecureUrl(value);
    if (why) problems.push(`${name}: ${why}`);
  }
  if (env.NODE_ENV !== "production") return problems;

  if (config.clientConfig.signIn.kind === "emulator")
    problems.push(
      "CLIENT_SIGN_IN: emulator is for development only; NODE_ENV=production needs msal (ADDIN_CLIENT_ID)",
    );
  const keys: Array<[string, Buffer]> = [
    ["MANAGE_KEY_HMAC_SECRET", config.secrets.manageKeyHmac],
    ["HOST_SECRET_KEY", config.secrets.hostSecretKey],
  ];
  for (const [name, key] of keys)
    if (distinctBytes(key) < 16)
      problems.push(
        `${name}: looks like a placeholder, not 32 random bytes (generate one with openssl rand -base64 32)`,
      );
  if (config.secrets.manageKeyHmac.equals(config.secrets.hostSecretKey))
    problems.push("HOST_SECRET_KEY: must differ from MANAGE_KEY_HMAC_SECRET");
  return problems;
}
