// The management API's two ways in: HTTP Basic with a dedicated API account, or
// OAuth2 client credentials with an ES256-signed client assertion (RFC 7523), the token cached
// until shortly before it expires.
import { randomUUID } from "node:crypto";
import { importPKCS8, SignJWT } from "jose";
import { ProviderError } from "../../errors";
import { createHttpClient, createTokenCache, systemClock, type AuthHook } from "../../http";
import type { ProviderDeps } from "../provider-deps";
import type { PexipConfig } from "./pexip-config";
import { PexipTokenResponse } from "./pexip-schemas";

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export function pexipAuth(config: PexipConfig, deps: ProviderDeps): AuthHook {
  const auth = config.auth;
  if (auth.kind === "basic") {
    const header = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
    return { headers: () => Promise.resolve({ authorization: header }) };
  }

  const clock = deps.clock ?? systemClock;
  const tokenUrl = new URL(
    auth.tokenUrl ?? `${config.managementUrl.replace(/\/+$/, "")}/oauth/token/`,
  );
  const http = createHttpClient({
    provider: "pexip",
    baseUrl: tokenUrl.origin,
    policy: config.http,
    fetch: deps.fetch,
    transport: deps.transport,
    clock,
    random: deps.random,
    observe: deps.observe,
    // A refused assertion is a configuration problem (wrong key or client id), not an outage.
    describeError: (status, body) =>
      status === 400 || status === 401
        ? { kind: "not_authorized", detail: oauthErrorCode(body) }
        : undefined,
  });
  let key: ReturnType<typeof importPKCS8> | undefined;

  const cache = createTokenCache(async (deadline) => {
    key ??= importPKCS8(auth.privateKeyPem, "ES256");
    let signingKey: Awaited<typeof key>;
    try {
      signingKey = await key;
    } catch {
      key = undefined;
      throw new ProviderError(
        "pexip",
        "token",
        "not_authorized",
        undefined,
        "private key unusable for ES256",
      );
    }
    const nowSeconds = Math.floor(clock.now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuer(auth.clientId)
      .setSubject(auth.clientId)
      .setAudience(tokenUrl.href)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 300)
      .setJti(randomUUID())
      .sign(signingKey);
    const token = await http.send({
      operation: "token",
      method: "POST",
      path: tokenUrl.pathname + tokenUrl.search,
      form: {
        grant_type: "client_credentials",
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: assertion,
        scope: auth.scope,
      },
      schema: PexipTokenResponse,
      deadline,
    });
    return { value: token.access_token, expiresInSeconds: token.expires_in };
  }, clock);

  return {
    headers: async (deadline) => ({ authorization: `Bearer ${await cache.get(deadline)}` }),
    invalidate: () => cache.invalidate(),
  };
}

/** RFC 6749 §5.2 error code only (descriptions may echo what was sent). */
function oauthErrorCode(body: unknown): string | undefined {
  const code = (body as { error?: unknown } | undefined)?.error;
  return typeof code === "string" && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
}
