// The body as each Outlook client keeps it. Every write (an add-in's setAsync/prependAsync/
// setSelectedDataAsync, or the user typing in the harness's editor) goes through the client's
// editor, so what getAsync returns is the client's serialization, not what was written.
import { parseHtml, type HtmlNode } from "./parse";
import { serializeHtml } from "./serialize";
import { bodyNodes, htmlToText } from "./text";
import { rewriteForWeb, withoutCaretDiv } from "./web-rewrite";
import { rewriteForClassic, unwrapWordSection } from "./word-rewrite";

export const CLIENT_MODES = ["web", "classic", "mac"] as const;
export type ClientMode = (typeof CLIENT_MODES)[number];

/** The editable content of a stored body: a fragment, whatever document wraps it. */
export function contentNodes(stored: string): HtmlNode[] {
  return unwrapWordSection(bodyNodes(parseHtml(stored)));
}

export function contentHtml(stored: string): string {
  return serializeHtml(contentNodes(stored));
}

/** The body a client holds after `html` was written into it. */
export function normalizeBody(client: ClientMode, html: string): string {
  const content = contentNodes(html);
  switch (client) {
    case "web":
      return serializeHtml(rewriteForWeb(content));
    case "classic":
      return rewriteForClassic(content);
    case "mac":
      // Outlook on Mac returns a whole document around the body (office-js #2426).
      return `<html><head></head><body>${serializeHtml(content)}</body></html>`;
  }
}

/** A fragment written at the start or the end of the existing content. */
export function insertIntoBody(
  client: ClientMode,
  stored: string,
  fragment: string,
  at: "start" | "end",
): string {
  const nodes = contentNodes(stored);
  const existing = serializeHtml(client === "web" && at === "end" ? withoutCaretDiv(nodes) : nodes);
  const added = contentHtml(fragment);
  return normalizeBody(client, at === "start" ? added + existing : existing + added);
}

export function bodyText(stored: string): string {
  return htmlToText(parseHtml(stored));
}
