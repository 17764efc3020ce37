/** The parts of an absolute URL we need; hand-rolled because `URL` may be missing in Outlook's JS-only runtime. */
export interface UrlParts {
  scheme: string;
  host: string;
  path: string;
  query: string;
}

export function parseUrl(url: string): UrlParts | null {
  const colon = url.indexOf("://");
  if (colon <= 0 || colon > 10) return null;
  const scheme = url.slice(0, colon).toLowerCase();
  const rest = url.slice(colon + 3);
  let hostEnd = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === "/" || ch === "?" || ch === "#") {
      hostEnd = i;
      break;
    }
  }
  let host = rest.slice(0, hostEnd).toLowerCase();
  const at = host.lastIndexOf("@");
  if (at !== -1) host = host.slice(at + 1);
  const port = host.lastIndexOf(":");
  if (port !== -1) host = host.slice(0, port);
  const tail = rest.slice(hostEnd);
  const hash = tail.indexOf("#");
  const withoutHash = hash === -1 ? tail : tail.slice(0, hash);
  const q = withoutHash.indexOf("?");
  return {
    scheme,
    host,
    path: q === -1 ? withoutHash : withoutHash.slice(0, q),
    query: q === -1 ? "" : withoutHash.slice(q + 1),
  };
}

function queryParam(query: string, name: string): string | null {
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (key.toLowerCase() === name) {
      try {
        return decodeURIComponent((eq === -1 ? "" : pair.slice(eq + 1)).replace(/\+/g, " "));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Microsoft Defender Safe Links wrap every link as
 * `https://<region>.safelinks.protection.outlook.com/?url=<encoded>&data=…`; compare the target.
 */
export function unwrapSafeLink(url: string): string {
  let current = url.trim();
  // Forwarded mail can wrap twice; a few rounds are enough and keep this bounded.
  for (let round = 0; round < 3; round++) {
    const parts = parseUrl(current);
    if (parts === null || !parts.host.endsWith("safelinks.protection.outlook.com")) break;
    const target = queryParam(parts.query, "url");
    if (target === null || target === "") break;
    current = target.trim();
  }
  return current;
}

/** Two join URLs are the same meeting when they match after unwrapping and ignoring case of scheme/host. */
export function sameUrl(a: string, b: string): boolean {
  const x = unwrapSafeLink(a);
  const y = unwrapSafeLink(b);
  if (x === y) return true;
  const px = parseUrl(x);
  const py = parseUrl(y);
  return (
    px !== null &&
    py !== null &&
    px.scheme === py.scheme &&
    px.host === py.host &&
    px.path === py.path &&
    px.query === py.query
  );
}
