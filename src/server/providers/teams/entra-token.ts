// App-only tokens for Graph: OAuth2 client credentials at Entra ID with a client secret or a
// certificate (a client assertion signed RS256, naming the certificate by x5t), cached until
// shortly before expiry.
import { createHash, randomUUID, X509Certificate } from "node:crypto";
import { SignJWT } from "jose";
import { assertionKey, clientCredentialsAuth, systemClock, type AuthHook } from "../../http";
import { httpDeps, type ProviderDeps } from "../provider-deps";
import { describeEntraError } from "./graph-errors";
import { EntraTokenResponse } from "./graph-schemas";
import type { TeamsConfig } from "./teams-config";

type Certificate = Extract<TeamsConfig["credential"], { kind: "certificate" }>;

/** The certificate's base64url SHA-1 thumbprint, as the assertion header's `x5t`. */
export function certificateX5t(cert: Certificate): string {
  if (cert.x5t) return cert.x5t;
  if (cert.thumbprint) return Buffer.from(cert.thumbprint, "hex").toString("base64url");
  const der = new X509Certificate(cert.certificatePem ?? "").raw;
  return createHash("sha1").update(der).digest("base64url");
}

export function entraTokenUrl(config: TeamsConfig): URL {
  const authority = config.authorityUrl.replace(/\/+$/, "");
  return new URL(`${authority}/${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`);
}

export function entraAuth(config: TeamsConfig, deps: ProviderDeps): AuthHook {
  const clock = deps.clock ?? systemClock;
  const tokenUrl = entraTokenUrl(config);
  const credential = config.credential;
  const x5t = credential.kind === "certificate" ? certificateX5t(credential) : undefined;
  let signingKey: ReturnType<typeof assertionKey> | undefined;

  async function assertion(cert: Certificate): Promise<string> {
    signingKey ??= assertionKey(cert.privateKeyPem, "RS256", "entra");
    const key = await signingKey();
    const now = Math.floor(clock.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: "RS256", typ: "JWT", x5t })
      .setIssuer(config.clientId)
      .setSubject(config.clientId)
      .setAudience(tokenUrl.href)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 600)
      .sign(key);
  }

  return clientCredentialsAuth({
    provider: "entra",
    tokenUrl,
    policy: config.http,
    describeError: describeEntraError,
    deps: { ...httpDeps(deps), clock },
    fields: {
      client_id: config.clientId,
      scope: config.graphScope,
      ...(credential.kind === "secret" ? { client_secret: credential.clientSecret } : {}),
    },
    ...(credential.kind === "certificate" ? { assertion: () => assertion(credential) } : {}),
    schema: EntraTokenResponse,
  });
}
