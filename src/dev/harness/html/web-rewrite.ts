// What Outlook on the web (and new Outlook) hands back from body.getAsync after an add-in's
// body.setAsync. Observed, not documented ("the value returned by Body.getAsync won't
// necessarily be the exact same value that was previously passed in Body.setAsync"):
// - `class` is stripped except OWA's own `elementToProof` (office-js #5296, #5320, #817);
// - `data-*` attributes are stripped (#5296, #5320);
// - ids come back prefixed `x_` (OpenTalk's meetingBody.ts: "Outlook prefix ids with x_");
// - a `<div>` without an id is dissolved: its text becomes `<p class="elementToProof">` with the
//   text in a `<span>` carrying OWA's inline font (and the div's colour), #5482 ("by design"),
//   #5501; the editor keeps a trailing empty `<div class="elementToProof"><br></div>` (#5482).
import { BLOCK_ELEMENTS, element, getAttr, type HtmlElement, type HtmlNode } from "./parse";

export const OWA_FONT =
  "font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt";
const OWA_CLASS = "elementToProof";
const DEFAULT_COLOR = "rgb(0, 0, 0)";

/** Containers whose loose text OWA wraps in a styled span. */
const TEXT_CONTAINERS = new Set(["p", "div", "td", "th", "li", "blockquote", "h1", "h2", "h3"]);
/** Structural elements whose direct text is only layout whitespace. */
const STRUCTURAL = new Set(["table", "tbody", "thead", "tfoot", "tr", "ul", "ol", "dl"]);

export function rewriteForWeb(content: HtmlNode[]): HtmlNode[] {
  const out = rewriteList(content, DEFAULT_COLOR, "top");
  if (!endsWithCaretDiv(out)) out.push(caretDiv());
  return out;
}

type Context = "top" | "block" | "structural" | "inline";

function rewriteList(nodes: HtmlNode[], color: string, context: Context): HtmlNode[] {
  const rewritten: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.type !== "element") {
      rewritten.push(node);
      continue;
    }
    cleanAttributes(node);
    if (node.name === "div" && isDissolvable(node)) {
      const inner = rewriteList(node.children, colorOf(node) ?? color, "block");
      if (inner.some(isBlock)) rewritten.push(...inner);
      else if (hasContent(inner)) rewritten.push(element("p", [["class", OWA_CLASS]], inner));
      continue;
    }
    node.children = rewriteList(node.children, color, contextOf(node.name));
    rewritten.push(node);
  }
  return context === "top" || context === "block"
    ? wrapInlineRuns(rewritten, color, context)
    : rewritten;
}

function contextOf(name: string): Context {
  if (TEXT_CONTAINERS.has(name)) return "block";
  if (STRUCTURAL.has(name)) return "structural";
  return "inline";
}

function cleanAttributes(node: HtmlElement): void {
  node.attrs = node.attrs.flatMap(([name, value]): Array<[string, string | null]> => {
    if (name.startsWith("data-")) return [];
    if (name === "class")
      return value?.split(/\s+/).includes(OWA_CLASS) ? [["class", OWA_CLASS]] : [];
    if (name === "id" && value && !value.startsWith("x_")) return [["id", `x_${value}`]];
    return [[name, value]];
  });
}

function isDissolvable(div: HtmlElement): boolean {
  return getAttr(div, "id") === undefined && getAttr(div, "class") !== OWA_CLASS;
}

function colorOf(node: HtmlElement): string | undefined {
  const style = getAttr(node, "style") ?? "";
  const match = /(?:^|;)\s*color\s*:\s*([^;]+)/i.exec(style);
  return match?.[1]?.trim();
}

function isBlock(node: HtmlNode): boolean {
  return node.type === "element" && BLOCK_ELEMENTS.has(node.name);
}

function hasContent(nodes: HtmlNode[]): boolean {
  return nodes.some((n) => n.type === "element" || (n.type === "text" && n.raw.trim() !== ""));
}

/** Runs of loose inline content get OWA's font span; at top level they become a paragraph div. */
function wrapInlineRuns(nodes: HtmlNode[], color: string, context: Context): HtmlNode[] {
  const out: HtmlNode[] = [];
  let run: HtmlNode[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const alreadySpan = run.every(
      (n) => (n.type === "element" && n.name === "span") || (n.type === "text" && !n.raw.trim()),
    );
    const onlyBreaks = run.every(
      (n) => (n.type === "element" && n.name === "br") || (n.type === "text" && !n.raw.trim()),
    );
    if (!hasContent(run) || alreadySpan || onlyBreaks) out.push(...run);
    else {
      const span = element("span", [["style", `${OWA_FONT}; color: ${color};`]], run);
      out.push(context === "top" ? element("div", [["class", OWA_CLASS]], [span]) : span);
    }
    run = [];
  };
  for (const node of nodes) {
    if (node.type === "comment" || node.type === "doctype" || isBlock(node)) {
      flush();
      out.push(node);
    } else run.push(node);
  }
  flush();
  return out;
}

function caretDiv(): HtmlElement {
  return element(
    "div",
    [
      ["class", OWA_CLASS],
      ["style", `${OWA_FONT}; color: ${DEFAULT_COLOR};`],
    ],
    [element("br")],
  );
}

/** The content without OWA's trailing caret paragraph, so an append lands before it. */
export function withoutCaretDiv(nodes: HtmlNode[]): HtmlNode[] {
  const out = [...nodes];
  while (out.length > 0 && endsWithCaretDiv(out)) {
    const last = out.pop();
    if (last?.type === "element") break;
  }
  return out;
}

function endsWithCaretDiv(nodes: HtmlNode[]): boolean {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (!node || (node.type === "text" && !node.raw.trim())) continue;
    return (
      node.type === "element" &&
      node.name === "div" &&
      getAttr(node, "class") === OWA_CLASS &&
      node.children.length === 1 &&
      node.children[0]?.type === "element" &&
      node.children[0].name === "br"
    );
  }
  return false;
}
