// App-only tokens for Graph: OAuth2 client credentials at Entra ID with a client secret or a
// certificate (a client assertion signed RS256, naming the certificate by x5t), cached until
// shortly before expiry.
import { createHash, randomUUID, X509Certificate } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { ProviderError } from "../../errors";
import { createHttpClient, createTokenCache, systemClock, type AuthHook } from "../../http";
import type { ProviderDeps } from "../provider-deps";
import { describeEntraError } from "./graph-errors";
import { EntraTokenResponse } from "./graph-schemas";
import type { TeamsConfig } from "./teams-config";

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

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
  const http = createHttpClient({
    provider: "entra",
    baseUrl: tokenUrl.origin,
    policy: config.http,
    describeError: describeEntraError,
    fetch: deps.fetch,
    transport: deps.transport,
    clock,
    random: deps.random,
    observe: deps.observe,
  });
  const credential = config.credential;
  const x5t = credential.kind === "certificate" ? certificateX5t(credential) : undefined;
  let key: ReturnType<typeof importPKCS8> | undefined;

  async function assertion(cert: Certificate): Promise<string> {
    key ??= importPKCS8(cert.privateKeyPem, "RS256");
    let signingKey: Awaited<typeof key>;
    try {
      signingKey = await key;
    } catch {
      key = undefined;
      throw new ProviderError(
        "entra",
        "token",
        "not_authorized",
        undefined,
        "private key unusable for RS256",
      );
    }
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
      .sign(signingKey);
  }

  const cache = createTokenCache(async (deadline) => {
    const secretOrAssertion: Record<string, string> =
      credential.kind === "secret"
        ? { client_secret: credential.clientSecret }
        : {
            client_assertion_type: ASSERTION_TYPE,
            client_assertion: await assertion(credential),
          };
    const token = await http.send({
      operation: "token",
      method: "POST",
      path: tokenUrl.pathname,
      form: {
        client_id: config.clientId,
        scope: config.graphScope,
        grant_type: "client_credentials",
        ...secretOrAssertion,
      },
      schema: EntraTokenResponse,
      deadline,
    });
    return { value: token.access_token, expiresInSeconds: token.expires_in };
  }, clock);

  return {
    headers: async (deadline) => ({ authorization: `Bearer ${await cache.get(deadline)}` }),
    invalidate: () => cache.invalidate(),
  };
}
