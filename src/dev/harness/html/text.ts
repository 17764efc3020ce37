import { HIDDEN_ELEMENTS, RAWTEXT_ELEMENTS, decodeCharRefs } from "../../../shared/html";
import { BLOCK_ELEMENTS, findElement, type HtmlNode } from "./parse";

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Plain text typed into an HTML body: escaped, line breaks as <br>, as Outlook inserts it. */
export function textToHtml(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>");
}

/** The nodes a reader sees: the children of <body> for a whole document, else the fragment. */
export function bodyNodes(nodes: HtmlNode[]): HtmlNode[] {
  const body = findElement(nodes, "body");
  if (body) return body.children;
  const html = findElement(nodes, "html");
  return html ? html.children.filter((n) => !(n.type === "element" && n.name === "head")) : nodes;
}

// Not text: the head and the title, and what no reader shows (script, style, <xml> …, raw text).
const skip = (name: string): boolean =>
  name === "head" || name === "title" || HIDDEN_ELEMENTS.has(name) || RAWTEXT_ELEMENTS.has(name);

/** Body.getAsync(Text): the text a user reads, one line per block, entities decoded. */
export function htmlToText(nodes: HtmlNode[]): string {
  let out = "";
  const walk = (list: HtmlNode[]): void => {
    for (const node of list) {
      if (node.type === "text") {
        const words = decodeCharRefs(node.raw).replace(/\s+/g, " ");
        // Layout whitespace between blocks is not text a reader sees.
        if (words === " " && (out === "" || out.endsWith("\n"))) continue;
        out += words;
      } else if (node.type === "element") {
        if (skip(node.name)) continue;
        if (node.name === "br") {
          out += "\n";
          continue;
        }
        const block = BLOCK_ELEMENTS.has(node.name);
        if (block && out && !out.endsWith("\n")) out += "\n";
        walk(node.children);
        if (node.name === "td" || node.name === "th") out += "\t";
        if (block && !out.endsWith("\n")) out += "\n";
      }
    }
  };
  walk(bodyNodes(nodes));
  return out
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+$/g, "").replace(/^ +/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
