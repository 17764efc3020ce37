// A small, tolerant HTML tree for the harness's client rewrites, built on the shared core's HTML
// reader (src/shared/html), so the harness reads a body as the add-in does. It runs in the browser
// and in vitest alike (no DOMParser), keeps text, attribute values and comments exactly as written
// (references undecoded) so untouched parts serialize back byte for byte, and never throws:
// Outlook bodies are whatever an add-in or a user wrote.
import {
  BLOCK_ELEMENTS,
  RAWTEXT_ELEMENTS,
  RCDATA_ELEMENTS,
  VOID_ELEMENTS,
  attributes,
  tokenize,
} from "../../../shared/html";

export { BLOCK_ELEMENTS, VOID_ELEMENTS };

export type HtmlNode = HtmlElement | HtmlText | HtmlComment | HtmlDoctype;

export interface HtmlElement {
  type: "element";
  /** Lower-cased tag name, e.g. "p", "o:p". */
  name: string;
  /** In source order; a null value is a bare attribute (`<td nowrap>`). */
  attrs: Array<[string, string | null]>;
  children: HtmlNode[];
}
export interface HtmlText {
  type: "text";
  /** Raw source text, entities undecoded. */
  raw: string;
}
/** A comment or bogus comment (`<![if !vml]>`, `<?xml?>`), as written. */
export interface HtmlComment {
  type: "comment";
  raw: string;
}
export interface HtmlDoctype {
  type: "doctype";
  raw: string;
}

/** Elements whose start tag implicitly closes an open element of the same kind. */
const SELF_NESTING_CLOSES: Record<string, string[]> = {
  li: ["li"],
  dt: ["dt", "dd"],
  dd: ["dt", "dd"],
  tr: ["tr", "td", "th"],
  td: ["td", "th"],
  th: ["td", "th"],
  option: ["option"],
};

export function element(
  name: string,
  attrs: Array<[string, string | null]> = [],
  children: HtmlNode[] = [],
): HtmlElement {
  return { type: "element", name, attrs, children };
}

export function text(raw: string): HtmlText {
  return { type: "text", raw };
}

/** Parses a fragment or a whole document into a list of top-level nodes. */
export function parseHtml(source: string): HtmlNode[] {
  const root = element("#root");
  const stack: HtmlElement[] = [root];
  const current = (): HtmlElement => stack[stack.length - 1] ?? root;

  const closeTo = (name: string): boolean => {
    for (let depth = stack.length - 1; depth > 0; depth--) {
      if (stack[depth]?.name === name) {
        stack.length = depth;
        return true;
      }
    }
    return false;
  };

  for (const token of tokenize(source)) {
    const raw = source.slice(token.start, token.end);
    switch (token.kind) {
      case "text":
        current().children.push(text(raw));
        break;
      case "raw": // the content of the <style>, <script> or <title> just opened
        current().children.push(text(raw));
        break;
      case "comment":
        current().children.push({ type: /^<!doctype/i.test(raw) ? "doctype" : "comment", raw });
        break;
      case "close":
        // A stray </p> makes an empty paragraph in browsers; elsewhere stray end tags vanish.
        if (!closeTo(token.name) && token.name === "p") current().children.push(element("p"));
        break;
      case "open": {
        const name = token.name;
        const node = element(
          name,
          attributes(source, token).map(({ name: attr, value }) => [attr, value]),
        );
        if (BLOCK_ELEMENTS.has(name) && current().name === "p") stack.pop();
        const closes = SELF_NESTING_CLOSES[name];
        if (closes && closes.includes(current().name)) stack.pop();
        current().children.push(node);
        // "/>" closes nothing in HTML but Word's <o:p/>; a raw-text element always takes content.
        if (
          !VOID_ELEMENTS.has(name) &&
          (!token.selfClosing || RAWTEXT_ELEMENTS.has(name) || RCDATA_ELEMENTS.has(name))
        )
          stack.push(node);
        break;
      }
    }
  }
  return root.children;
}

export function getAttr(node: HtmlElement, name: string): string | null | undefined {
  const found = node.attrs.find(([attr]) => attr === name);
  return found ? found[1] : undefined;
}

export function setAttr(node: HtmlElement, name: string, value: string | null): void {
  const found = node.attrs.find(([attr]) => attr === name);
  if (found) found[1] = value;
  else node.attrs.push([name, value]);
}

export function removeAttrs(node: HtmlElement, drop: (name: string) => boolean): void {
  node.attrs = node.attrs.filter(([name]) => !drop(name));
}

export function isElement(node: HtmlNode | undefined, name?: string): node is HtmlElement {
  return node?.type === "element" && (name === undefined || node.name === name);
}

/** Depth-first search for the first element with this tag name. */
export function findElement(nodes: HtmlNode[], name: string): HtmlElement | undefined {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    if (node.name === name) return node;
    const inner = findElement(node.children, name);
    if (inner) return inner;
  }
  return undefined;
}
