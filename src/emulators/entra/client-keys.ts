import {
  createHash,
  createPublicKey,
  timingSafeEqual,
  X509Certificate,
  type KeyObject,
} from "node:crypto";
import { calculateJwkThumbprint, exportJWK, type ProtectedHeaderParameters } from "jose";

/** An app registration that may ask for tokens with the client-credentials grant. */
export interface EntraClient {
  clientId: string;
  /** A client secret (client_secret_post or client_secret_basic). */
  secret?: string;
  /** SPKI PEM of a registered public key, for private-key JWT assertions (`kid`). */
  publicKeyPem?: string;
  /** PEM certificate, for assertions that name it by `x5t` / `x5t#S256` thumbprint. */
  certificatePem?: string;
  /** The `kid` the assertion uses for `publicKeyPem`; default: its RFC 7638 thumbprint. */
  keyId?: string;
  /** App roles granted on Microsoft Graph; default ["OnlineMeetings.ReadWrite.All"]. */
  roles?: string[];
}

/** Finds the registered key an assertion header points at (by x5t, x5t#S256 or kid). */
export async function assertionKey(
  client: EntraClient,
  header: ProtectedHeaderParameters,
): Promise<KeyObject | undefined> {
  if (client.certificatePem && (header.x5t || header["x5t#S256"])) {
    const cert = new X509Certificate(client.certificatePem);
    const sha1 = createHash("sha1").update(cert.raw).digest("base64url");
    const sha256 = createHash("sha256").update(cert.raw).digest("base64url");
    if (header.x5t === sha1 || header["x5t#S256"] === sha256) return cert.publicKey;
  }
  if (client.publicKeyPem && header.kid) {
    const key = createPublicKey(client.publicKeyPem);
    const kid = client.keyId ?? (await calculateJwkThumbprint(await exportJWK(key)));
    if (header.kid === kid) return key;
  }
  return undefined;
}

export function secretMatches(client: EntraClient, secret: string): boolean {
  if (client.secret === undefined) return false;
  const a = Buffer.from(client.secret);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
