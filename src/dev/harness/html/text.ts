import { BLOCK_ELEMENTS, findElement, type HtmlNode } from "./parse";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "\u00ad",
  ndash: "\u2013",
  mdash: "\u2014",
  aring: "å",
  Aring: "Å",
  auml: "ä",
  Auml: "Ä",
  ouml: "ö",
  Ouml: "Ö",
  eacute: "é",
};

export function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X"))
      return safeCodePoint(Number.parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith("#")) return safeCodePoint(Number.parseInt(ref.slice(1), 10)) ?? whole;
    return NAMED[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : undefined;
}

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

const SKIP = new Set(["head", "style", "script", "title", "xml"]);

/** Body.getAsync(Text): the text a user reads, one line per block, entities decoded. */
export function htmlToText(nodes: HtmlNode[]): string {
  let out = "";
  const walk = (list: HtmlNode[]): void => {
    for (const node of list) {
      if (node.type === "text") {
        const words = decodeEntities(node.raw).replace(/\s+/g, " ");
        // Layout whitespace between blocks is not text a reader sees.
        if (words === " " && (out === "" || out.endsWith("\n"))) continue;
        out += words;
      } else if (node.type === "element") {
        if (SKIP.has(node.name)) continue;
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
