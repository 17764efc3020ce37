// Which link in our block may be presented as the meeting. Invitations are forwarded and edited,
// so the link in a block that looks like ours is only a claim: the attendee pane offers it as
// "join" only when it leads to a host the region's policy names for its meetings (the Pexip
// web-app host(s), teams.microsoft.com). Anything else — another host, `javascript:`, plain
// http — is refused, and the pane says the link does not lead to the region's meeting service.

export type JoinLinkVerdict =
  { ok: true; url: string } | { ok: false; reason: "not-a-url" | "not-https" | "foreign-host" };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** `host` or `host:port`, lower case, as `URL.host` writes it. */
export function normaliseJoinHost(host: string): string {
  return host.trim().toLowerCase();
}

/**
 * `url` if it may be offered as the meeting's join link: https to one of `joinHosts` (compared
 * with `URL.host`, so a port must match too). Plain http is accepted only for a loopback host
 * that is itself listed — the embedded default's emulators; production Pexip hosts are https.
 */
export function checkJoinLink(url: string, joinHosts: readonly string[]): JoinLinkVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: "not-a-url" };
  }
  const https = parsed.protocol === "https:";
  const loopbackHttp = parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname);
  if (!https && !loopbackHttp) return { ok: false, reason: "not-https" };
  // `https://teams.microsoft.com@evil.example/` names evil.example; credentials never belong here.
  if (parsed.username !== "" || parsed.password !== "")
    return { ok: false, reason: "foreign-host" };
  const allowed = joinHosts.map(normaliseJoinHost);
  if (!allowed.includes(parsed.host.toLowerCase())) return { ok: false, reason: "foreign-host" };
  return { ok: true, url };
}
