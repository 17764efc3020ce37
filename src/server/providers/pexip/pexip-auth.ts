// The management API's two ways in: HTTP Basic with a dedicated API account, or
// OAuth2 client credentials with an ES256-signed client assertion (RFC 7523), the token cached
// until shortly before it expires.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { assertionKey, clientCredentialsAuth, systemClock, type AuthHook } from "../../http";
import { httpDeps, type ProviderDeps } from "../provider-deps";
import type { PexipConfig } from "./pexip-config";
import { PexipTokenResponse } from "./pexip-schemas";

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
  const signingKey = assertionKey(auth.privateKeyPem, "ES256", "pexip");

  const assertion = async (): Promise<string> => {
    const key = await signingKey();
    const nowSeconds = Math.floor(clock.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuer(auth.clientId)
      .setSubject(auth.clientId)
      .setAudience(tokenUrl.href)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 300)
      .setJti(randomUUID())
      .sign(key);
  };
  return clientCredentialsAuth({
    provider: "pexip",
    tokenUrl,
    policy: config.http,
    // A refused assertion is a configuration problem (wrong key or client id), not an outage.
    describeError: (status, body) =>
      status === 400 || status === 401
        ? { kind: "not_authorized", detail: oauthErrorCode(body) }
        : undefined,
    deps: { ...httpDeps(deps), clock },
    fields: { scope: auth.scope },
    assertion,
    schema: PexipTokenResponse,
  });
}

/** RFC 6749 §5.2 error code only (descriptions may echo what was sent). */
function oauthErrorCode(body: unknown): string | undefined {
  const code = (body as { error?: unknown } | undefined)?.error;
  return typeof code === "string" && /^[a-z_]{1,40}$/.test(code) ? code : undefined;
}
