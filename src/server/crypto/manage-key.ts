// The manageKey: 256 random bits, returned once, stored only as a keyed hash and
// compared in constant time. The HMAC secret means a stolen database alone cannot be used to
// test guessed keys.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface ManageKeys {
  /** A fresh key: 32 bytes from the CSPRNG, base64url (43 characters). */
  generate(): string;
  /** HMAC-SHA256(secret, key), base64url: the only form the store keeps. */
  hash(key: string): string;
  /**
   * Whether `key` matches `storedHash`. With no booking (storedHash undefined) it still does the
   * same work, so timing does not tell whether a booking exists.
   */
  matches(key: string | undefined, storedHash: string | undefined): boolean;
}

// Compared against when there is no booking, so both paths run the same code.
const NO_BOOKING = Buffer.alloc(32, 0);

export function createManageKeys(secret: Buffer): ManageKeys {
  const digest = (key: string) => createHmac("sha256", secret).update(key, "utf8").digest();
  return {
    generate: () => randomBytes(32).toString("base64url"),
    hash: (key) => digest(key).toString("base64url"),
    matches(key, storedHash) {
      const given = digest(key ?? "");
      const stored = storedHash === undefined ? NO_BOOKING : Buffer.from(storedHash, "base64url");
      const equal = stored.length === given.length && timingSafeEqual(given, stored);
      return equal && key !== undefined && storedHash !== undefined;
    },
  };
}
