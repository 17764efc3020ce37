import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { exportJWK, SignJWT, type JWK, type JWTPayload } from "jose";

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: JWK;
}

/**
 * The tenant's token-signing keys. Entra publishes several keys and signs with one; after a
 * rotation the previous key stays published for a while, so tokens already issued still
 * verify and a client that caches the JWKS must refetch it on an unknown `kid`.
 */
export class KeyRing {
  private published: SigningKey[] = [];
  private readonly initial: SigningKey;
  private stray: SigningKey | undefined;

  private constructor(initial: SigningKey) {
    this.initial = initial;
    this.published = [initial];
  }

  static async create(): Promise<KeyRing> {
    return new KeyRing(await newKey());
  }

  get activeKid(): string {
    return this.published[0]!.kid;
  }

  get kids(): string[] {
    return this.published.map((k) => k.kid);
  }

  async rotate(retainPrevious: boolean): Promise<string> {
    const key = await newKey();
    this.published = retainPrevious ? [key, ...this.published] : [key];
    return key.kid;
  }

  reset(): void {
    this.published = [this.initial];
  }

  /**
   * The JWKS document: public halves only, in Entra's shape (minus x5c: no certificates).
   * `issuer` is Entra's per-key issuer template, e.g. `…/{tenantid}/v2.0`.
   */
  jwks(issuer: string): { keys: JWK[] } {
    return {
      keys: this.published.map((k) => ({
        kty: "RSA",
        use: "sig",
        kid: k.kid,
        x5t: k.kid,
        n: k.jwk.n,
        e: k.jwk.e,
        issuer,
      })),
    };
  }

  /** Signs with the active key, or with a key that is published nowhere (for bad tokens). */
  async sign(payload: JWTPayload, options: { unknownKey?: boolean } = {}): Promise<string> {
    const key = options.unknownKey ? (this.stray ??= await newKey()) : this.published[0]!;
    return new SignJWT(payload)
      .setProtectedHeader({ typ: "JWT", alg: "RS256", kid: key.kid, x5t: key.kid })
      .sign(key.privateKey);
  }
}

async function newKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  // Entra's kids look like certificate thumbprints (base64url SHA-1); so do ours.
  const der = publicKey.export({ type: "spki", format: "der" });
  const kid = createHash("sha1").update(der).update(randomBytes(8)).digest("base64url");
  return { kid, privateKey, jwk: await exportJWK(publicKey) };
}
