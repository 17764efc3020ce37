// Small zod building blocks for environment variables: every value arrives as a string.
import { z } from "zod";

/** An integer variable with a default and bounds. */
export function int(fallback: number, min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback);
}

/** "true"/"false"/"1"/"0". */
export function bool(fallback: boolean) {
  return z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .transform((v) => v === "true" || v === "1")
    .default(fallback);
}

/** A comma-separated list; each entry checked with `item`. */
export function list(item: z.ZodType<string, string>) {
  return z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    )
    .pipe(z.array(item));
}

/**
 * A 32-byte key as 64 hex digits or base64/base64url (44/43 characters). Generate one with
 * `openssl rand -base64 32`.
 */
export const key32 = z.string().transform((value, ctx) => {
  const buf = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
      ? Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64")
      : null;
  if (buf === null || buf.length !== 32) {
    ctx.addIssue({
      code: "custom",
      message: "must be 32 random bytes as base64 or 64 hex digits (openssl rand -base64 32)",
    });
    return z.NEVER;
  }
  return buf;
});

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/** An origin (scheme://host[:port], no path): https, or http only on loopback (development). */
export function originOf(name: string) {
  return z.string().transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: `${name} must be an origin like https://vardmote.region.se`,
      });
      return z.NEVER;
    }
    const okScheme =
      url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.includes(url.hostname));
    if (!okScheme || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
      ctx.addIssue({
        code: "custom",
        message: "must be an https origin without a path (http only for localhost)",
      });
      return z.NEVER;
    }
    return url.origin;
  });
}

/**
 * Where Outlook frames the task pane: Outlook on the web and the new Outlook (outlook.office.com,
 * outlook.office365.com, outlook.cloud.microsoft), consumer Outlook, and Office on the web's
 * add-in hosts. Classic Outlook on Windows and Mac host the pane top-level, so they need nothing.
 */
export const DEFAULT_FRAME_ANCESTORS = [
  "'self'",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook.cloud.microsoft",
  "https://*.outlook.com",
  "https://outlook.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.officeapps.live.com",
  "https://*.cloud.microsoft",
] as const;

/** Consumer mail domains: attendees there get the "invite patients through 1177" warning. */
export const DEFAULT_CONSUMER_DOMAINS = [
  "gmail.com",
  "googlemail.com",
  "hotmail.com",
  "hotmail.se",
  "outlook.com",
  "outlook.se",
  "live.com",
  "live.se",
  "msn.com",
  "yahoo.com",
  "yahoo.se",
  "icloud.com",
  "me.com",
  "telia.com",
  "spray.se",
  "bredband.net",
  "protonmail.com",
  "proton.me",
] as const;
