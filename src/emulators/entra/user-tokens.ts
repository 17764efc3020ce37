import { UnsecuredJWT } from "jose";
import { z } from "zod";
import { type Clock } from "../clock";
import { displayNameFor, opaqueId, pairwiseSubject, userOid } from "./ids";
import { type KeyRing } from "./key-ring";
import { type TenantInfo } from "./tenant";

/**
 * `POST /_emulator/users/token` (issue 4): an access token for the booking service as the task
 * pane would get it through MSAL. Its format follows the API registration's
 * `accessTokenAcceptedVersion` (the emulator's option; 2 unless set), or `version` here. The
 * optional fields mint the bad tokens tests need.
 */
export const userTokenRequestSchema = z
  .object({
    user: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
      error: "user must be 1–64 letters, digits, '.', '_' or '-', e.g. \"anna\"",
    }),
    /** Display name; default from the user name ("anna.andersson" → "Anna Andersson"). */
    name: z.string().min(1).max(100).optional(),
    /** Already expired (exp an hour ago). */
    expired: z.boolean().optional(),
    /** Not valid yet: true = from an hour from now, or a number of seconds from now. */
    notBefore: z.union([z.boolean(), z.number().int().min(1)]).optional(),
    audience: z.string().min(1).optional(),
    issuer: z.string().min(1).optional(),
    /** Another tenant's id: the token is signed by the same keys but is for that tenant. */
    tenant: z.string().min(1).optional(),
    /** Signed with a key the JWKS does not publish. */
    unknownKid: z.boolean().optional(),
    /** `alg: none`, no signature. */
    unsigned: z.boolean().optional(),
    /** Delegated scopes for `scp`; default [apiScope]; [] leaves `scp` out. */
    scopes: z.array(z.string().regex(/^\S+$/)).optional(),
    lifetimeSeconds: z.number().int().min(60).max(86_400).optional(),
    /** The token format; default the registration's accessTokenAcceptedVersion. */
    version: z.enum(["1.0", "2.0"]).optional(),
  })
  .strict();

export type UserTokenRequest = z.input<typeof userTokenRequestSchema>;

export interface UserTokenResponse {
  access_token: string;
  token_type: "Bearer";
  /** Seconds until `exp`; negative for an expired token. */
  expires_in: number;
  oid: string;
  tid: string;
  name: string;
  preferred_username: string;
}

export interface UserTokenContext {
  baseUrl: string;
  tenant: TenantInfo;
  apiAppId: string;
  apiScope: string;
  /** The client app the pane signs in with (the `azp` claim). */
  clientAppId: string;
  /** The API registration's `accessTokenAcceptedVersion`: null (Entra's default) and 1 give v1.0 tokens. */
  accessTokenAcceptedVersion: 1 | 2 | null;
  keys: KeyRing;
  now: Clock;
}

export async function mintUserToken(
  input: UserTokenRequest,
  ctx: UserTokenContext,
): Promise<UserTokenResponse> {
  const req = userTokenRequestSchema.parse(input);
  const tid = req.tenant ?? ctx.tenant.tenantId;
  const oid = userOid(tid, req.user);
  const name = req.name ?? displayNameFor(req.user);
  const preferredUsername = `${req.user.toLowerCase()}@${ctx.tenant.domain}`;
  const now = Math.floor(ctx.now() / 1000);
  const lifetime = req.lifetimeSeconds ?? 3600;
  const notBefore = req.notBefore === true ? 3600 : req.notBefore || 0;
  const iat = req.expired ? now - lifetime - 3600 : now;
  const nbf = iat + notBefore;
  const exp = req.expired ? now - 3600 : nbf + lifetime;
  const scopes = req.scopes ?? [ctx.apiScope];
  const version = req.version ?? (ctx.accessTokenAcceptedVersion === 2 ? "2.0" : "1.0");
  const common = {
    iat,
    nbf,
    exp,
    aio: opaqueId(),
    name,
    oid,
    rh: opaqueId(),
    ...(scopes.length > 0 ? { scp: scopes.join(" ") } : {}),
    tid,
    uti: opaqueId(),
  };
  // The two formats of Entra's access-token claims reference: v1.0 is issued by
  // sts.windows.net with the App ID URI as audience and `appid`; v2.0 by the tenant's
  // /v2.0 authority with the client id as audience and `azp`.
  const payload =
    version === "1.0"
      ? {
          ...common,
          aud: req.audience ?? `api://${ctx.apiAppId}`,
          iss: req.issuer ?? `https://sts.windows.net/${tid}/`,
          acr: "1",
          amr: ["pwd"],
          appid: ctx.clientAppId,
          appidacr: "0",
          sub: pairwiseSubject(oid, ctx.apiAppId),
          unique_name: preferredUsername,
          upn: preferredUsername,
          ver: "1.0",
        }
      : {
          ...common,
          aud: req.audience ?? ctx.apiAppId,
          iss: req.issuer ?? `${ctx.baseUrl}/${tid}/v2.0`,
          azp: ctx.clientAppId,
          azpacr: "0",
          preferred_username: preferredUsername,
          // v2 `sub` is pairwise: stable per user and app, different from `oid`.
          sub: pairwiseSubject(oid, ctx.apiAppId),
          ver: "2.0",
        };
  const accessToken = req.unsigned
    ? new UnsecuredJWT(payload).encode()
    : await ctx.keys.sign(payload, { unknownKey: req.unknownKid === true });
  return {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: exp - now,
    oid,
    tid,
    name,
    preferred_username: preferredUsername,
  };
}
