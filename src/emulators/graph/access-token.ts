import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from "jose";
import { type Clock } from "../clock";
import { header, type EmuRequest } from "../http/request";
import { type Reply } from "../http/reply";
import { graphError } from "./graph-error";

export const REQUIRED_ROLE = "OnlineMeetings.ReadWrite.All";
const AUDIENCES = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];

export interface GraphCaller {
  tenantId: string;
  appId: string;
}

export interface TokenCheckOptions {
  jwksUrl: string;
  /** Exact issuer, or a function of the token's `tid` (Graph is multi-tenant). */
  issuer: (tid: string) => string;
  now: Clock;
}

/**
 * Validates the bearer token on every call as Graph does: RS256 signature from the Entra
 * JWKS, issuer, audience Microsoft Graph, lifetime, and the app role for online meetings.
 */
export class GraphTokenCheck {
  private readonly jwks;

  constructor(private readonly options: TokenCheckOptions) {
    // cooldown 0: after a key rotation the next unknown kid refetches at once.
    this.jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
      cooldownDuration: 0,
      cacheMaxAge: 10 * 60_000,
    });
  }

  async check(
    req: EmuRequest,
  ): Promise<{ ok: true; caller: GraphCaller } | { ok: false; reply: Reply }> {
    const match = /^Bearer\s+(\S+)$/i.exec(header(req, "authorization") ?? "");
    if (!match) return this.unauthorized(req, "Access token is empty.");
    const token = match[1]!;
    let tid: unknown;
    try {
      tid = decodeJwt(token).tid;
    } catch {
      return this.unauthorized(req, "IDX14100: JWT is not well formed.");
    }
    if (typeof tid !== "string")
      return this.unauthorized(req, "Access token validation failure. Missing tid.");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        algorithms: ["RS256"],
        issuer: this.options.issuer(tid),
        audience: AUDIENCES,
        currentDate: new Date(this.options.now()),
        clockTolerance: 300,
      }));
    } catch (err) {
      return this.unauthorized(req, describe(err));
    }
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    if (!roles.includes(REQUIRED_ROLE))
      return {
        ok: false,
        reply: graphError(
          403,
          `Insufficient privileges to complete the operation. The application needs ${REQUIRED_ROLE}.`,
          {
            code: "Forbidden",
            req,
          },
        ),
      };
    const appId = typeof payload.appid === "string" ? payload.appid : String(payload.azp ?? "");
    return { ok: true, caller: { tenantId: tid, appId } };
  }

  private unauthorized(req: EmuRequest, message: string): { ok: false; reply: Reply } {
    return {
      ok: false,
      reply: graphError(401, message, {
        req,
        headers: {
          "www-authenticate":
            'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
        },
      }),
    };
  }
}

function describe(err: unknown): string {
  if (err instanceof errors.JWTExpired) return "Lifetime validation failed, the token is expired.";
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === "aud") return "Access token validation failure. Invalid audience.";
    if (err.claim === "iss") return "Access token validation failure. Invalid issuer.";
    if (err.claim === "nbf") return "Lifetime validation failed, the token is not yet valid.";
  }
  if (err instanceof errors.JWKSNoMatchingKey)
    return "Signature validation failed. The signing key is not known.";
  return "Access token validation failure.";
}
