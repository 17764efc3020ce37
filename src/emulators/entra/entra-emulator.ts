import { z } from "zod";
import { systemClock, type Clock } from "../clock";
import {
  parseControlBody,
  startEmulatorServer,
  type EmulatorCore,
  type EmulatorHandle,
} from "../emulator-server";
import { type FaultInput } from "../faults/fault-spec";
import { isPreflight, preflight, withCors } from "../http/cors";
import { json, type Reply } from "../http/reply";
import { type EmuRequest } from "../http/request";
import { aadError } from "./aad-error";
import { clientCredentialsToken, type TokenContext } from "./client-credentials";
import { type EntraClient } from "./client-keys";
import { openIdConfiguration } from "./discovery";
import { userOid } from "./ids";
import { KeyRing } from "./key-ring";
import { resolveTenant } from "./tenant";
import {
  mintUserToken,
  userTokenRequestSchema,
  type UserTokenContext,
  type UserTokenRequest,
  type UserTokenResponse,
} from "./user-tokens";

export const ENTRA_DEFAULTS = {
  tenantId: "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f",
  tenantDomain: "region.example.se",
  apiAppId: "c0ffee00-5e55-4a11-9d0c-000000000a91",
  apiScope: "Meetings.ReadWrite",
  clientSecret: "dev-secret-not-for-production",
} as const;

export interface EntraEmulatorOptions {
  /** Default 3003; 0 picks a free port. */
  port?: number;
  tenantId?: string;
  /** Verified domain: UPN suffix of users, usable instead of the id in paths. */
  tenantDomain?: string;
  /** The booking service's app id: the audience of user tokens. */
  apiAppId?: string;
  /** The delegated scope user tokens carry in `scp`. */
  apiScope?: string;
  /** The task pane's app id (`azp` of user tokens); default apiAppId. */
  clientAppId?: string;
  /**
   * The API registration's manifest `accessTokenAcceptedVersion`: 2 (default here, what
   * docs/deploy.md asks for) gives v2.0 user tokens; 1 or null (Entra's own default) v1.0 ones.
   */
  accessTokenAcceptedVersion?: 1 | 2 | null;
  /** Default: one client, apiAppId, with the dev secret. */
  clients?: EntraClient[];
  faults?: FaultInput[];
  now?: Clock;
}

export interface EntraState {
  tenantId: string;
  tenantDomain: string;
  issuer: string;
  apiAppId: string;
  apiScope: string;
  clients: Array<{ clientId: string; credentials: string[]; roles: string[] }>;
  /** The API registration's accessTokenAcceptedVersion (decides the user tokens' format). */
  accessTokenAcceptedVersion: 1 | 2 | null;
  signingKid: string;
  publishedKids: string[];
  users: Array<{ user: string; oid: string; tid: string }>;
}

export interface EntraEmulator extends EmulatorHandle<EntraState> {
  tenantId: string;
  tenantDomain: string;
  /** `${url}/${tenantId}/v2.0`, exactly what user tokens carry in `iss`. */
  issuer: string;
  apiAppId: string;
  apiScope: string;
  discoveryUrl: string;
  jwksUrl: string;
  tokenUrl: string;
  clients: EntraClient[];
  /** Same as POST /_emulator/users/token. */
  issueUserToken(request: UserTokenRequest): Promise<UserTokenResponse>;
  /** Same as POST /_emulator/keys/rotate; resolves to the new signing kid. */
  rotateKeys(options?: { retainPrevious?: boolean }): Promise<string>;
  /** The object id a user name gets (stable per tenant + user). */
  oidFor(user: string, tenantId?: string): string;
  /** Same as POST /_emulator/registration: what the API registration's manifest says. */
  setAccessTokenAcceptedVersion(version: 1 | 2 | null): void;
}

const DISCOVERY = /^\/(?<tenant>[^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;
const JWKS = /^\/(?<tenant>[^/]+)\/discovery\/v2\.0\/keys$/;
const TOKEN = /^\/(?<tenant>[^/]+)\/oauth2\/v2\.0\/token$/;
const rotateSchema = z.object({ retainPrevious: z.boolean().optional() }).strict();
const registrationSchema = z
  .object({ accessTokenAcceptedVersion: z.union([z.literal(1), z.literal(2), z.null()]) })
  .strict();

/** Starts the Entra ID emulator: discovery, JWKS, client-credentials tokens, user tokens. */
export async function startEntraEmulator(
  options: EntraEmulatorOptions = {},
): Promise<EntraEmulator> {
  const now = options.now ?? systemClock;
  const tenant = {
    tenantId: options.tenantId ?? ENTRA_DEFAULTS.tenantId,
    domain: options.tenantDomain ?? ENTRA_DEFAULTS.tenantDomain,
  };
  const apiAppId = options.apiAppId ?? ENTRA_DEFAULTS.apiAppId;
  const apiScope = options.apiScope ?? ENTRA_DEFAULTS.apiScope;
  const clients = options.clients ?? [{ clientId: apiAppId, secret: ENTRA_DEFAULTS.clientSecret }];
  const keys = await KeyRing.create();
  const users = new Map<string, { user: string; oid: string; tid: string }>();
  let baseUrl = "";
  const tokenContext = (): TokenContext => ({ baseUrl, tenant, clients, keys, now });
  const initialVersion =
    options.accessTokenAcceptedVersion === undefined ? 2 : options.accessTokenAcceptedVersion;
  let acceptedVersion = initialVersion;
  const userContext = (): UserTokenContext => ({
    baseUrl,
    tenant,
    apiAppId,
    apiScope,
    clientAppId: options.clientAppId ?? apiAppId,
    accessTokenAcceptedVersion: acceptedVersion,
    keys,
    now,
  });

  const issueUserToken = async (request: UserTokenRequest) => {
    const minted = await mintUserToken(request, userContext());
    users.set(`${minted.tid}:${request.user.toLowerCase()}`, {
      user: request.user.toLowerCase(),
      oid: minted.oid,
      tid: minted.tid,
    });
    return minted;
  };
  const rotateKeys = (o: { retainPrevious?: boolean } = {}) =>
    keys.rotate(o.retainPrevious ?? true);

  const handle = async (req: EmuRequest): Promise<Reply> => {
    const path = req.url.pathname;
    const discovery = DISCOVERY.exec(path);
    if (discovery && req.method === "GET")
      return openIdConfiguration(baseUrl, discovery.groups!.tenant!, tenant);
    const jwks = JWKS.exec(path);
    if (jwks && req.method === "GET") {
      if (resolveTenant(jwks.groups!.tenant!, tenant) === "unknown")
        return aadError(
          400,
          "invalid_tenant",
          90002,
          `Tenant '${jwks.groups!.tenant!}' not found.`,
        );
      return json(200, keys.jwks(`${baseUrl}/{tenantid}/v2.0`), {
        "access-control-allow-origin": "*",
        "cache-control": "max-age=86400, private",
      });
    }
    const token = TOKEN.exec(path);
    if (token) {
      // SPAs redeem tokens cross-origin, so Entra answers CORS on the token endpoint.
      if (isPreflight(req)) return preflight(req, "POST, OPTIONS");
      if (req.method === "POST")
        return withCors(
          req,
          await clientCredentialsToken(req, token.groups!.tenant!, tokenContext()),
        );
    }
    if (discovery || jwks || token) return json(405, { error: "method not allowed" });
    return json(404, { error: "not_found", error_description: `No Entra ID endpoint ${path}` });
  };

  const issuer = () => `${baseUrl}/${tenant.tenantId}/v2.0`;
  const state = (): EntraState => ({
    tenantId: tenant.tenantId,
    tenantDomain: tenant.domain,
    issuer: issuer(),
    apiAppId,
    apiScope,
    clients: clients.map((c) => ({
      clientId: c.clientId,
      credentials: [
        ...(c.secret !== undefined ? ["secret"] : []),
        ...(c.publicKeyPem ? ["publicKey"] : []),
        ...(c.certificatePem ? ["certificate"] : []),
      ],
      roles: c.roles ?? ["OnlineMeetings.ReadWrite.All"],
    })),
    accessTokenAcceptedVersion: acceptedVersion,
    signingKid: keys.activeKid,
    publishedKids: keys.kids,
    users: [...users.values()],
  });
  const reset = () => {
    acceptedVersion = initialVersion;
    keys.reset();
    users.clear();
  };
  const core: EmulatorCore<EntraState> = {
    handle,
    state,
    reset,
    faultReply: (status) =>
      status === 429
        ? aadError(
            429,
            "temporarily_unavailable",
            50196,
            "The server is temporarily throttling requests.",
          )
        : aadError(
            status,
            status >= 500 ? "temporarily_unavailable" : "invalid_request",
            90033,
            `Injected fault ${status}.`,
          ),
    controlRoutes: [
      {
        method: "POST",
        path: /^\/_emulator\/users\/token$/,
        handle: async (req) => {
          const body = parseControlBody(req, userTokenRequestSchema);
          return body.ok
            ? json(200, await issueUserToken(body.value), { "cache-control": "no-store" })
            : body.reply;
        },
      },
      {
        method: "POST",
        path: /^\/_emulator\/registration$/,
        handle: (req) => {
          const body = parseControlBody(req, registrationSchema);
          if (!body.ok) return body.reply;
          acceptedVersion = body.value.accessTokenAcceptedVersion;
          return json(200, body.value);
        },
      },
      {
        method: "POST",
        path: /^\/_emulator\/keys\/rotate$/,
        handle: async (req) => {
          const body = parseControlBody(req, rotateSchema, { allowEmpty: true });
          if (!body.ok) return body.reply;
          const kid = await rotateKeys(body.value);
          return json(200, { kid, publishedKids: keys.kids });
        },
      },
    ],
  };
  const server = await startEmulatorServer(core, options, 3003);
  baseUrl = server.url;
  return {
    ...server,
    tenantId: tenant.tenantId,
    tenantDomain: tenant.domain,
    issuer: issuer(),
    apiAppId,
    apiScope,
    discoveryUrl: `${baseUrl}/${tenant.tenantId}/v2.0/.well-known/openid-configuration`,
    jwksUrl: `${baseUrl}/${tenant.tenantId}/discovery/v2.0/keys`,
    tokenUrl: `${baseUrl}/${tenant.tenantId}/oauth2/v2.0/token`,
    clients,
    issueUserToken,
    rotateKeys,
    oidFor: (user, tenantId = tenant.tenantId) => userOid(tenantId, user),
    setAccessTokenAcceptedVersion: (version) => {
      acceptedVersion = version;
    },
  };
}
