// Entra ID v2 access tokens (DESIGN §3, outlook-addin.md §4): RS256 signature from the tenant's
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
  scp: z.string().optional(),
});

export interface VerifierOptions {
  clock?: () => Date;
  /** How long jose waits after a JWKS fetch before fetching again for an unknown kid. */
  jwksCooldownMs?: number;
}

/** Why a token was refused, for logs only (the client always gets the same 401). */
function reason(err: unknown): string {
  if (err instanceof errors.JWTExpired) return "expired";
  if (err instanceof errors.JWTClaimValidationFailed) return `claim ${err.claim} ${err.reason}`;
  if (err instanceof errors.JWKSNoMatchingKey) return "unknown signing key";
  if (err instanceof errors.JWSSignatureVerificationFailed) return "bad signature";
  if (err instanceof errors.JOSEAlgNotAllowed) return "algorithm not allowed";
  if (err instanceof errors.JOSEError) return err.code;
  return "malformed";
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
  const tenants = new Set(auth.tenants);
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
      ({ payload } = await jwtVerify(token, jwks, {
        algorithms: ["RS256"],
        audience: auth.audiences,
        clockTolerance: auth.clockSkewSeconds,
        requiredClaims: ["exp", "iss", "aud", "tid", "oid"],
        currentDate: clock(),
      }));
    } catch (err) {
      throw new AppError("unauthorized", `token refused: ${reason(err)}`, { cause: err });
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new AppError("unauthorized", "token refused: claims malformed");
    const { oid, tid, iss, scp } = claims.data;
    const tenant = tid.toLowerCase();
    if (!tenants.has(tenant))
      throw new AppError("unauthorized", "token refused: tenant not allowed");
    if (iss !== auth.issuerTemplate.replace("{tenantid}", tid))
      throw new AppError("unauthorized", "token refused: issuer does not match tenant");
    if (!(scp ?? "").split(" ").includes(auth.requiredScope))
      throw new AppError("unauthorized", "token refused: required scope missing");
    return { user: { oid, tid: tenant }, expMs: (payload.exp ?? 0) * 1000 };
  }
}

/** `Authorization: Bearer <token>` → the token, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}
