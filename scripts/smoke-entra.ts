// Smoke checks of Entra ID: the tenant's OpenID metadata and signing keys as the service will
// fetch them, a user's token if one is given, and the Graph app token's permission.
import { decodeJwt } from "jose";
import { createTokenVerifier } from "../src/server/auth/token-verifier";
import type { Config } from "../src/server/config";
import { entraAuth, TeamsConfig } from "../src/server/providers/teams";
import { failed, ok, skipped, type CheckLine } from "./smoke-report";

export type FetchJson = (url: string) => Promise<{ status: number; body: unknown }>;

const GRAPH_ROLE = "OnlineMeetings.ReadWrite.All";

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The v2.0 OpenID metadata of each allowed tenant: issuer and keys must be what we expect. */
export async function checkMetadata(
  config: Config,
  authorityHost: string,
  fetchJson: FetchJson,
): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  for (const tid of config.auth.tenants) {
    const title = `Entra ID OpenID metadata (tenant ${tid})`;
    const url = `${authorityHost.replace(/\/+$/, "")}/${tid}/v2.0/.well-known/openid-configuration`;
    try {
      const { status, body } = await fetchJson(url);
      const doc = body as { issuer?: unknown; jwks_uri?: unknown } | undefined;
      const expected = config.auth.issuerTemplate.replace("{tenantid}", tid);
      if (status !== 200 || typeof doc?.issuer !== "string")
        lines.push(
          failed(
            title,
            `${url} answered ${status}`,
            "check ENTRA_AUTHORITY_HOST and ENTRA_TENANT_IDS",
          ),
        );
      else if (doc.issuer !== expected)
        lines.push(
          failed(
            title,
            `issuer is ${doc.issuer}, the service expects ${expected}`,
            "set ENTRA_ISSUER (or ENTRA_AUTHORITY_HOST) to match the tenant's issuer",
          ),
        );
      else if (doc.jwks_uri !== config.auth.jwksUrl && tid === config.auth.tenants[0])
        lines.push(
          failed(
            title,
            `keys are published at ${String(doc.jwks_uri)}, the service reads ${config.auth.jwksUrl}`,
            "set ENTRA_JWKS_URL to the metadata's jwks_uri (or leave it unset)",
          ),
        );
      else lines.push(ok(title, `issuer ${doc.issuer}`));
    } catch (err) {
      lines.push(
        failed(
          title,
          `${url}: ${message(err)}`,
          "the service must reach Entra ID over https: check proxy and firewall",
        ),
      );
    }
  }
  return lines;
}

export async function checkJwks(config: Config, fetchJson: FetchJson): Promise<CheckLine> {
  const title = "Entra ID signing keys (JWKS)";
  try {
    const { status, body } = await fetchJson(config.auth.jwksUrl);
    const keys = (body as { keys?: Array<{ kty?: unknown; kid?: unknown }> } | undefined)?.keys;
    const rsa = Array.isArray(keys)
      ? keys.filter((k) => k.kty === "RSA" && typeof k.kid === "string")
      : [];
    if (status === 200 && rsa.length > 0)
      return ok(title, `${rsa.length} RSA keys at ${config.auth.jwksUrl}`);
    return failed(
      title,
      `${config.auth.jwksUrl} answered ${status} without RSA keys`,
      "check ENTRA_JWKS_URL",
    );
  } catch (err) {
    return failed(
      title,
      `${config.auth.jwksUrl}: ${message(err)}`,
      "the service must reach Entra ID: check proxy and firewall",
    );
  }
}

/**
 * A token the add-in got for a test user (SMOKE_USER_TOKEN), checked exactly as the service
 * checks every request: this is what shows a wrong app registration before go-live.
 */
export async function checkUserToken(
  config: Config,
  token: string | undefined,
): Promise<CheckLine> {
  const title = "user token for the booking API";
  if (!token)
    return skipped(
      title,
      "not checked: set SMOKE_USER_TOKEN to an access token the add-in obtained for a test user",
    );
  try {
    const user = await createTokenVerifier(config.auth, { jwksCooldownMs: 0 })(token);
    return ok(title, `accepted (tenant ${user.tid})`);
  } catch (err) {
    const detail = message(err).replace(/^token refused: /, "");
    return failed(
      title,
      `refused: ${detail}`,
      "correct the app registration as the reason says (docs/deploy.md §3)",
    );
  }
}

/** The app-only Graph token: the credentials work and carry OnlineMeetings.ReadWrite.All. */
export async function checkGraphToken(config: Config): Promise<CheckLine> {
  const title = "Microsoft Graph app token";
  const teams = config.providers.teams;
  if (!teams) return skipped(title, "Teams is not configured (GRAPH_TENANT_ID unset)");
  let token: string;
  try {
    const auth = entraAuth(TeamsConfig.parse(teams), {});
    const headers = await auth.headers(Date.now() + 15_000);
    token = (headers.authorization ?? "").replace(/^Bearer /, "");
  } catch (err) {
    return failed(
      title,
      message(err),
      "check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and the secret or certificate (GRAPH_CLIENT_SECRET / GRAPH_CERTIFICATE_*)",
    );
  }
  let roles: unknown;
  try {
    roles = decodeJwt(token).roles;
  } catch {
    return ok(title, "obtained (not a readable JWT; permissions are checked by the meeting calls)");
  }
  if (Array.isArray(roles) && roles.includes(GRAPH_ROLE))
    return ok(title, `obtained, with ${GRAPH_ROLE}`);
  return failed(
    title,
    `the token lacks ${GRAPH_ROLE} (roles: ${Array.isArray(roles) && roles.length > 0 ? roles.join(", ") : "none"})`,
    `API permissions → Microsoft Graph → Application permissions → ${GRAPH_ROLE} → Grant admin consent`,
  );
}
