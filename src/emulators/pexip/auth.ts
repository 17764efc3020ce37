import { randomBytes, timingSafeEqual } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from "jose";
import { type Clock } from "../clock";
import { header, mediaType, readForm, type EmuRequest } from "../http/request";
import { json, type Reply } from "../http/reply";

export interface PexipOAuthClient {
  clientId: string;
  /** SPKI PEM of the client's ES256 key (Infinity keeps the public half). */
  publicKeyPem: string;
}

export interface PexipAuthSettings {
  basic: { username: string; password: string } | null;
  oauth2: { clients: PexipOAuthClient[]; tokenTtlSeconds: number } | null;
}

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const KNOWN_SCOPES = new Set(["is_admin", "use_api"]);

/**
 * The management API's two ways in: HTTP Basic with an API account, or an
 * OAuth2 bearer token obtained with an ES256-signed client assertion (RFC 7523) at
 * `/oauth/token/`.
 */
export class PexipAuth {
  private tokens = new Map<string, { clientId: string; expiresAt: number }>();

  constructor(
    readonly settings: PexipAuthSettings,
    private readonly now: Clock,
  ) {}

  reset(): void {
    this.tokens.clear();
  }

  isAuthorized(req: EmuRequest): boolean {
    const value = header(req, "authorization") ?? "";
    const [scheme = "", credentials = ""] = value.split(" ", 2);
    if (scheme.toLowerCase() === "basic" && this.settings.basic) {
      const { username, password } = this.settings.basic;
      return safeEqual(
        Buffer.from(credentials, "base64").toString("utf8"),
        `${username}:${password}`,
      );
    }
    if (scheme.toLowerCase() === "bearer" && this.settings.oauth2) {
      const token = this.tokens.get(credentials);
      return token !== undefined && token.expiresAt > this.now();
    }
    return false;
  }

  unauthorized(): Reply {
    const challenge = this.settings.basic ? 'Basic realm="django-tastypie"' : "Bearer";
    return { status: 401, headers: { "www-authenticate": challenge } };
  }

  /** POST /oauth/token/: client credentials with a private_key_jwt assertion. */
  async token(req: EmuRequest, tokenUrls: string[]): Promise<Reply> {
    if (!this.settings.oauth2)
      return oauthError(400, "unsupported_grant_type", "OAuth2 is disabled");
    if (mediaType(req) !== "application/x-www-form-urlencoded")
      return oauthError(400, "invalid_request", "use application/x-www-form-urlencoded");
    const form = readForm(req);
    const grantType = form.get("grant_type");
    if (!grantType) return oauthError(400, "invalid_request", "grant_type is required");
    if (grantType !== "client_credentials")
      return oauthError(400, "unsupported_grant_type", `unsupported grant_type ${grantType}`);
    const assertion = form.get("client_assertion");
    if (form.get("client_assertion_type") !== ASSERTION_TYPE || !assertion)
      return oauthError(401, "invalid_client", "a jwt-bearer client_assertion is required");
    const verified = await this.verifyAssertion(assertion, tokenUrls, form.get("client_id"));
    if (!verified.ok) return oauthError(401, "invalid_client", verified.reason);
    const scope = form.get("scope") ?? "is_admin use_api";
    if (!scope.split(" ").every((s) => KNOWN_SCOPES.has(s)))
      return oauthError(400, "invalid_scope", `unknown scope in "${scope}"`);
    const accessToken = randomBytes(24).toString("base64url");
    const ttl = this.settings.oauth2.tokenTtlSeconds;
    this.tokens.set(accessToken, {
      clientId: verified.clientId,
      expiresAt: this.now() + ttl * 1000,
    });
    return json(
      200,
      { access_token: accessToken, expires_in: ttl, token_type: "Bearer", scope },
      { "cache-control": "no-store", pragma: "no-cache" },
    );
  }

  private async verifyAssertion(
    assertion: string,
    audiences: string[],
    clientIdParam: string | null,
  ): Promise<{ ok: true; clientId: string } | { ok: false; reason: string }> {
    let iss: unknown;
    try {
      if (decodeProtectedHeader(assertion).alg !== "ES256")
        return { ok: false, reason: "client_assertion must be signed with ES256" };
      iss = decodeJwt(assertion).iss;
    } catch {
      return { ok: false, reason: "client_assertion is not a JWT" };
    }
    const client = this.settings.oauth2?.clients.find((c) => c.clientId === iss);
    if (!client) return { ok: false, reason: "unknown client" };
    if (clientIdParam !== null && clientIdParam !== client.clientId)
      return { ok: false, reason: "client_id does not match the assertion's iss" };
    try {
      await jwtVerify(assertion, await importSPKI(client.publicKeyPem, "ES256"), {
        algorithms: ["ES256"],
        issuer: client.clientId,
        subject: client.clientId,
        audience: audiences,
        requiredClaims: ["exp"],
        currentDate: new Date(this.now()),
        clockTolerance: 30,
      });
    } catch (err) {
      return { ok: false, reason: `client_assertion rejected: ${(err as Error).message}` };
    }
    return { ok: true, clientId: client.clientId };
  }
}

function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description }, { "cache-control": "no-store" });
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
