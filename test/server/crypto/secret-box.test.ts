// AES-256-GCM as the service uses it for host PINs and the replay copy of a manageKey.
import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "../../../src/server/crypto/secret-box";

const KEY = Buffer.alloc(32, 9);
const box = createSecretBox(KEY);

/** The same sealed value with its tag cut to `bytes` (GCM tags are checked as prefixes). */
function cutTag(sealed: string, bytes: number): string {
  const [version, iv, body, tag] = sealed.split(".") as [string, string, string, string];
  return [
    version,
    iv,
    body,
    Buffer.from(tag, "base64url").subarray(0, bytes).toString("base64url"),
  ].join(".");
}

describe("the secret box", () => {
  it("opens what it sealed, for the same context only", () => {
    const sealed = box.seal("12345678", "host:booking-1");
    expect(box.open(sealed, "host:booking-1")).toBe("12345678");
    expect(() => box.open(sealed, "host:booking-2")).toThrow();
    expect(() => createSecretBox(Buffer.alloc(32, 8)).open(sealed, "host:booking-1")).toThrow();
  });

  it.each([4, 8, 12, 15])("refuses a tag cut to %i bytes", (bytes) => {
    const sealed = box.seal("12345678", "host:booking-1");
    expect(() => box.open(cutTag(sealed, bytes), "host:booking-1")).toThrow();
  });

  it("would have been fooled without a fixed tag length (what the check guards against)", () => {
    // Node's own decipher, without authTagLength, accepts the 4-byte prefix of the right tag:
    // an attacker who can write a row would need about 2^32 tries, not 2^128.
    const sealed = cutTag(box.seal("12345678", "ctx"), 4);
    const [, iv, body, tag] = sealed.split(".") as [string, string, string, string];
    const loose = createDecipheriv("aes-256-gcm", KEY, Buffer.from(iv, "base64url"));
    loose.setAAD(Buffer.from("ctx"));
    loose.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([loose.update(Buffer.from(body, "base64url")), loose.final()]);
    expect(plain.toString()).toBe("12345678");
    expect(() => box.open(sealed, "ctx")).toThrow();
  });

  it("refuses a changed ciphertext, a wrong version and a short iv", () => {
    const sealed = box.seal("12345678", "ctx");
    const [version, iv, body, tag] = sealed.split(".") as [string, string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      box.open([version, iv, flipped.toString("base64url"), tag].join("."), "ctx"),
    ).toThrow();
    expect(() => box.open(["v2", iv, body, tag].join("."), "ctx")).toThrow();
    const shortIv = Buffer.from(iv, "base64url").subarray(0, 8).toString("base64url");
    expect(() => box.open([version, shortIv, body, tag].join("."), "ctx")).toThrow();
  });
});
