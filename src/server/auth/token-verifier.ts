// Entra ID v2 access tokens: RS256 signature from the tenant's
// JWKS (cached; refetched when a token names an unknown kid), iss per tenant, aud = our app id,
// tid in the allow-list, the required delegated scope, exp/nbf with a small skew. There is no
// other way in: no unsigned tokens, no shared secrets, no "dev mode" switch.
import { type JWTPayload, createRemoteJWKSet, errors, jwtVerify } from "jose";
import { z } from "zod";
import type { Config } from "../config";
import { AppError } from "../errors";
import type { Organizer } from "../providers/video-provider";

export type VerifyToken = (token: string) => Promise<Organizer>;

const Claims = z.object({
  oid: z.string().min(1).max(64),
  tid: z.string().min(1).max(64),
  iss: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  scp: z.string().optional(),
  ver: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

export interface VerifierOptions {
  clock?: () => Date;
  /** How long jose waits after a JWKS fetch before fetching again for an unknown kid. */
  jwksCooldownMs?: number;
}

/**
 * Why a token was refused, for logs, start-up and smoke-test output only (the client always
 * gets the same 401). Written for region IT: each reason names the setting to fix.
 */
function reason(err: unknown, auth: Config["auth"]): string {
  if (err instanceof errors.JWTExpired) return "expired";
  if (err instanceof errors.JWTClaimValidationFailed) return `claim ${err.claim} ${err.reason}`;
  if (err instanceof errors.JWKSNoMatchingKey)
    return `signed by a key that ${auth.jwksUrl} does not publish (is ENTRA_JWKS_URL the tenant's JWKS?)`;
  if (err instanceof errors.JWSSignatureVerificationFailed) return "bad signature";
  if (err instanceof errors.JOSEAlgNotAllowed) return "algorithm not allowed";
  if (err instanceof errors.JOSEError) return err.code;
  return "malformed";
}

const V1_ISSUER = /^https:\/\/sts\.windows\.net\//;

/**
 * Checks a signed, unexpired token's claims against what a correct registration produces: a
 * v2.0 token for the signed-in user, audience our app id, issuer the tenant's, our scope.
 * Returns what to fix, or undefined when the token is right.
 */
export function claimsProblem(payload: JWTPayload, auth: Config["auth"]): string | undefined {
  const claims = Claims.safeParse(payload);
  if (!claims.success) return "claims malformed (no oid, tid or iss)";
  const { oid: _oid, tid, iss, scp, ver, aud, roles } = claims.data;
  if (ver === "1.0" || V1_ISSUER.test(iss))
    return (
      `a v1.0 access token (iss ${iss}): accessTokenAcceptedVersion must be 2 in the API ` +
      "registration's manifest (docs/deploy.md, Entra ID app registrations)"
    );
  if (scp === undefined && roles !== undefined)
    return "an app-only token (roles, no scp): the service needs a signed-in user's token";
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.some((a) => auth.audiences.includes(a)))
    return (
      `wrong audience: ${audiences.join(", ")}; this service accepts ${auth.audiences.join(", ")} ` +
      "(ENTRA_API_APP_ID must be the API registration's client id, and the add-in must ask " +
      "for api://<that id>/<scope>: ADDIN_SCOPES)"
    );
  if (!auth.tenants.includes(tid.toLowerCase())) return `tenant ${tid} is not in ENTRA_TENANT_IDS`;
  const expected = auth.issuerTemplate.replace("{tenantid}", tid);
  if (iss !== expected)
    return `issuer ${iss} is not ${expected} (ENTRA_ISSUER / ENTRA_AUTHORITY_HOST)`;
  if (!(scp ?? "").split(" ").includes(auth.requiredScope))
    return (
      `scope ${auth.requiredScope} missing (scp: ${scp ?? "none"}): expose it on the API ` +
      "registration and give the add-in that delegated permission (ENTRA_REQUIRED_SCOPE)"
    );
  return undefined;
}

export function createTokenVerifier(
  auth: Config["auth"],
  options: VerifierOptions = {},
): VerifyToken {
  const clock = options.clock ?? (() => new Date());
  const jwks = createRemoteJWKSet(new URL(auth.jwksUrl), {
    cooldownDuration: options.jwksCooldownMs ?? 30_000,
    cacheMaxAge: 24 * 3_600_000,
    timeoutDuration: 5_000,
  });
  // A pane sends the same token for an hour: one signature check per token, then only its
  // expiry is checked again. Only tokens that passed every check are kept.
  const verified = new Map<string, { user: Organizer; expMs: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit) {
      if (clock().getTime() < hit.expMs + auth.clockSkewSeconds * 1000) return hit.user;
      verified.delete(token);
    }
    const user = await verifyFully(token);
    if (verified.size >= 5_000) verified.clear();
    verified.set(token, user);
    return user.user;
  };

  async function verifyFully(token: string): Promise<{ user: Organizer; expMs: number }> {
    let payload: JWTPayload;
    try {
      // Signature and lifetime here; the claims below, so that a refusal says what to fix.
      ({ payload } = await jwtVerify(token, jwks, {
        algorithms: ["RS256"],
        clockTolerance: auth.clockSkewSeconds,
        requiredClaims: ["exp", "iss", "aud", "tid", "oid"],
        currentDate: clock(),
      }));
    } catch (err) {
      throw new AppError("unauthorized", `token refused: ${reason(err, auth)}`, { cause: err });
    }
    const problem = claimsProblem(payload, auth);
    if (problem !== undefined) throw new AppError("unauthorized", `token refused: ${problem}`);
    const { oid, tid } = Claims.parse(payload);
    return { user: { oid, tid: tid.toLowerCase() }, expMs: (payload.exp ?? 0) * 1000 };
  }
}

/** `Authorization: Bearer <token>` → the token, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}
