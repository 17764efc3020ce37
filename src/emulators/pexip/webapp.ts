import { escapeHtml, html, type Reply } from "../http/reply";
import { type EmuRequest } from "../http/request";
import { type PexipStore } from "./store";

const JOIN_PATH = /^\/webapp[23]?\/m\/(?<alias>[^/]+)(?:\/(?<step>[^/]*))?\/?$/;

export function isWebappPath(path: string): boolean {
  return /^\/webapp[23]?\//.test(path);
}

/**
 * The Conferencing Node's join side: `/webapp/m/<alias>/<step>?role=…&pin=…` answers a small
 * page for an alias that exists and 404 otherwise, so that an e2e test can follow a join
 * link. It never shows a stored PIN; it says only whether the PIN given would be accepted.
 */
export function webappPage(req: EmuRequest, store: PexipStore): Reply {
  const match = JOIN_PATH.exec(req.url.pathname);
  let alias: string;
  try {
    alias = decodeURIComponent(match?.groups?.alias ?? "");
  } catch {
    return notFound();
  }
  const aliasRecord = match ? store.findAlias(alias) : undefined;
  const conference = aliasRecord && store.getConference(aliasRecord.conferenceId);
  if (!conference) return notFound();
  const role = req.url.searchParams.get("role") ?? "";
  const pin = req.url.searchParams.get("pin") ?? "";
  const { pin: hostPin, guest_pin: guestPin, allow_guests: allowGuests } = conference.fields;
  const admitted =
    pin !== "" && pin === hostPin
      ? "host"
      : (pin !== "" && pin === guestPin) ||
          (allowGuests && guestPin === "" && pin === "" && role === "guest")
        ? "guest"
        : hostPin === "" && guestPin === ""
          ? "host"
          : "pin-required";
  const row = (id: string, label: string, value: string) =>
    `<p>${label}: <span id="${id}">${escapeHtml(value)}</span></p>`;
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pexip web app emulator</title></head>
<body><main data-alias="${escapeHtml(alias)}" data-admitted="${admitted}">
<h1>Pexip web app emulator</h1>
${row("alias", "Alias", alias)}
${row("step", "Step", match?.groups?.step ?? "")}
${row("role", "Role", role)}
${row("pin", "PIN given", pin)}
${row("admitted", "Joins as", admitted)}
</main></body></html>
`;
  return {
    ...html(200, page),
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'",
    },
  };
}

function notFound(): Reply {
  return html(404, "<!doctype html><title>Not found</title><h1>Conference not found</h1>\n");
}
