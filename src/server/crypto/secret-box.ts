// AES-256-GCM for host PINs and the idempotency replay copy of a manageKey. The row's id is the
// associated data, so a ciphertext copied into another row does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface SecretBox {
  seal(plain: string, context: string): string;
  /** Throws when the ciphertext or its context was tampered with. */
  open(sealed: string, context: string): string;
}

const VERSION = "v1";
const TAG_BYTES = 16;
const IV_BYTES = 12;

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("secret box key must be 32 bytes");
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, body, tag]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    open(sealed, context) {
      const [version, iv, body, tag] = sealed.split(".");
      if (version !== VERSION || !iv || body === undefined || !tag)
        throw new Error("unknown sealed format");
      const tagBytes = Buffer.from(tag, "base64url");
      const ivBytes = Buffer.from(iv, "base64url");
      if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES)
        throw new Error("unknown sealed format");
      // The tag length is fixed: without it Node accepts a tag cut to 4 bytes, which an attacker
      // who can write a row could forge in about 2^32 tries.
      const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([
        decipher.update(Buffer.from(body, "base64url")),
        decipher.final(),
      ]).toString("utf8");
    },
  };
}
