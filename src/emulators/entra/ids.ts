import { createHash, randomBytes } from "node:crypto";

// Fixed namespace so that the same tenant + user always gives the same object id.
const NAMESPACE = Buffer.from("8f1c2a4e5b6d4c7a9e0f1a2b3c4d5e6f", "hex");

/** A name-based (version 5 style) UUID: SHA-1 of namespace + name. */
export function uuidV5(name: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function userOid(tenantId: string, user: string): string {
  return uuidV5(`user:${tenantId.toLowerCase()}:${user.toLowerCase()}`);
}

export function servicePrincipalOid(tenantId: string, clientId: string): string {
  return uuidV5(`sp:${tenantId.toLowerCase()}:${clientId.toLowerCase()}`);
}

/** "anna.andersson" → "Anna Andersson". */
export function displayNameFor(user: string): string {
  return user
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(" ");
}

/** Opaque per-token ids as Entra puts them in `uti` and `aio`. */
export function opaqueId(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

export function isGuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** v2 tokens' `sub`: stable per user and app, and not the object id. */
export function pairwiseSubject(oid: string, appId: string): string {
  return createHash("sha256").update(`${oid}:${appId}`).digest("base64url").slice(0, 43);
}
