import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from "jose";
import { type Clock } from "../clock";
import { header, mediaType, readForm, type EmuRequest } from "../http/request";
import { json, type Reply } from "../http/reply";
import { aadError } from "./aad-error";
import { assertionKey, secretMatches, type EntraClient } from "./client-keys";
import { opaqueId, servicePrincipalOid } from "./ids";
import { type KeyRing } from "./key-ring";
import { resolveTenant, type TenantInfo } from "./tenant";

export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
const GRAPH_RESOURCES = new Set([GRAPH_AUDIENCE, "00000003-0000-0000-c000-000000000000"]);
const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const APP_TOKEN_SECONDS = 3599;

export interface TokenContext {
  baseUrl: string;
  tenant: TenantInfo;
  clients: EntraClient[];
  keys: KeyRing;
  now: Clock;
}

type ClientAuth = { ok: true; client: EntraClient; acr: "1" | "2" } | { ok: false; reply: Reply };

/**
 * `/{tenant}/oauth2/v2.0/token`, client-credentials grant only: a client secret or a
 * private-key JWT assertion (RFC 7523, as the Entra certificate-credentials page describes),
 * scope `<resource>/.default`. Answers an app-only token for Microsoft Graph.
 */
export async function clientCredentialsToken(
  req: EmuRequest,
  segment: string,
  ctx: TokenContext,
): Promise<Reply> {
  const kind = resolveTenant(segment, ctx.tenant);
  if (kind === "unknown")
    return aadError(400, "invalid_request", 90002, `Tenant '${segment}' not found.`);
  if (kind === "multi")
    return aadError(
      400,
      "invalid_request",
      50194,
      "Use a tenant-specific endpoint for the client-credentials grant.",
    );
  const form =
    mediaType(req) === "application/x-www-form-urlencoded" ? readForm(req) : new URLSearchParams();
  const grantType = form.get("grant_type");
  if (!grantType) return missing("grant_type");
  if (grantType !== "client_credentials")
    return aadError(
      400,
      "unsupported_grant_type",
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  const auth = await authenticate(req, form, ctx);
  if (!auth.ok) return auth.reply;
  const scope = form.get("scope");
  if (!scope) return missing("scope");
  const resource = scope.endsWith("/.default") ? scope.slice(0, -"/.default".length) : undefined;
  if (resource === undefined || scope.includes(" "))
    return aadError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  if (!GRAPH_RESOURCES.has(resource))
    return aadError(
      400,
      "invalid_resource",
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${ctx.tenant.tenantId}.`,
    );
  const accessToken = await appToken(auth.client, auth.acr, ctx);
  return json(
    200,
    {
      token_type: "Bearer",
      expires_in: APP_TOKEN_SECONDS,
      ext_expires_in: APP_TOKEN_SECONDS,
      access_token: accessToken,
    },
    { "cache-control": "no-store, no-cache", pragma: "no-cache" },
  );
}

async function authenticate(
  req: EmuRequest,
  form: URLSearchParams,
  ctx: TokenContext,
): Promise<ClientAuth> {
  let clientId = form.get("client_id");
  let secret = form.get("client_secret");
  const basic = /^Basic (.+)$/i.exec(header(req, "authorization") ?? "");
  if (basic) {
    const [id = "", pass = ""] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":", 2);
    clientId = decodeURIComponent(id);
    secret = decodeURIComponent(pass);
  }
  if (!clientId) return { ok: false, reply: missing("client_id") };
  const client = ctx.clients.find((c) => c.clientId === clientId);
  if (!client)
    return {
      ok: false,
      reply: aadError(
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${ctx.tenant.tenantId}'.`,
      ),
    };
  const assertion = form.get("client_assertion");
  if (assertion !== null) {
    if (form.get("client_assertion_type") !== ASSERTION_TYPE)
      return {
        ok: false,
        reply: aadError(400, "invalid_request", 50027, "Invalid client_assertion_type."),
      };
    const failure = await verifyAssertion(assertion, client, ctx);
    return failure ? { ok: false, reply: failure } : { ok: true, client, acr: "2" };
  }
  if (secret === null)
    return {
      ok: false,
      reply: aadError(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      ),
    };
  if (!secretMatches(client, secret))
    return {
      ok: false,
      reply: aadError(
        401,
        "invalid_client",
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      ),
    };
  return { ok: true, client, acr: "1" };
}

async function verifyAssertion(
  assertion: string,
  client: EntraClient,
  ctx: TokenContext,
): Promise<Reply | undefined> {
  const invalid = (code: number, message: string) => aadError(401, "invalid_client", code, message);
  let key;
  try {
    const protectedHeader = decodeProtectedHeader(assertion);
    decodeJwt(assertion);
    if (protectedHeader.alg !== "RS256" && protectedHeader.alg !== "PS256")
      return invalid(
        5002730,
        `Invalid JWT token. Unsupported algorithm ${String(protectedHeader.alg)}.`,
      );
    key = await assertionKey(client, protectedHeader);
  } catch {
    return invalid(50027, "JWT token is invalid or malformed.");
  }
  if (!key)
    return invalid(
      700027,
      "Client assertion failed signature validation. The key named by x5t/kid is not registered for this application.",
    );
  const { tenantId, domain } = ctx.tenant;
  try {
    await jwtVerify(assertion, key, {
      algorithms: ["RS256", "PS256"],
      issuer: client.clientId,
      subject: client.clientId,
      audience: [
        `${ctx.baseUrl}/${tenantId}/oauth2/v2.0/token`,
        `${ctx.baseUrl}/${domain}/oauth2/v2.0/token`,
        `${ctx.baseUrl}/${tenantId}/v2.0`,
      ],
      requiredClaims: ["exp"],
      currentDate: new Date(ctx.now()),
      clockTolerance: 300,
    });
  } catch (err) {
    if (
      err instanceof joseErrors.JWTExpired ||
      (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === "nbf")
    )
      return invalid(700024, "Client assertion is not within its valid time range.");
    if (err instanceof joseErrors.JWTClaimValidationFailed)
      return invalid(
        700021,
        `Client assertion claim '${err.claim}' is not valid for this application and endpoint.`,
      );
    return invalid(700027, "Client assertion failed signature validation.");
  }
  return undefined;
}

async function appToken(client: EntraClient, acr: "1" | "2", ctx: TokenContext): Promise<string> {
  const { tenantId } = ctx.tenant;
  const iat = Math.floor(ctx.now() / 1000);
  const issuer = `${ctx.baseUrl}/${tenantId}/v2.0`;
  const oid = servicePrincipalOid(tenantId, client.clientId);
  return ctx.keys.sign({
    aud: GRAPH_AUDIENCE,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + APP_TOKEN_SECONDS,
    aio: opaqueId(),
    appid: client.clientId,
    appidacr: acr,
    azp: client.clientId,
    azpacr: acr,
    idp: issuer,
    idtyp: "app",
    oid,
    roles: client.roles ?? ["OnlineMeetings.ReadWrite.All"],
    sub: oid,
    tid: tenantId,
    uti: opaqueId(),
    ver: "2.0",
  });
}

function missing(parameter: string): Reply {
  return aadError(
    400,
    "invalid_request",
    900144,
    `The request body must contain the following parameter: '${parameter}'.`,
  );
}
