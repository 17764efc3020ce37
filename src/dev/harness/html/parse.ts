// A small, tolerant HTML tree parser for the harness's client rewrites. It runs in the browser
// and in vitest alike (no DOMParser), keeps text and attribute values exactly as written
// (entities undecoded) so untouched parts serialize back byte for byte, and never throws:
// Outlook bodies are whatever an add-in or a user wrote.

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
export interface HtmlComment {
  type: "comment";
  data: string;
}
export interface HtmlDoctype {
  type: "doctype";
  data: string;
}

export const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title", "xmp"]);

/** Block-level elements: they end an open `<p>` and count as "block content" for rewrites. */
export const BLOCK_ELEMENTS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "head",
  "header",
  "hr",
  "html",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

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

const ATTR_RE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

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
  let i = 0;

  const closeTo = (name: string): boolean => {
    for (let depth = stack.length - 1; depth > 0; depth--) {
      if (stack[depth]?.name === name) {
        stack.length = depth;
        return true;
      }
    }
    return false;
  };

  while (i < source.length) {
    const lt = source.indexOf("<", i);
    if (lt === -1) {
      current().children.push(text(source.slice(i)));
      break;
    }
    if (lt > i) current().children.push(text(source.slice(i, lt)));
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4);
      const stop = end === -1 ? source.length : end;
      current().children.push({ type: "comment", data: source.slice(lt + 4, stop) });
      i = end === -1 ? source.length : end + 3;
      continue;
    }
    if (source.startsWith("<!", lt) || source.startsWith("<?", lt)) {
      const end = source.indexOf(">", lt);
      const stop = end === -1 ? source.length : end;
      current().children.push({ type: "doctype", data: source.slice(lt + 2, stop) });
      i = end === -1 ? source.length : end + 1;
      continue;
    }
    const endTag = /^<\/([A-Za-z][^\s/>]*)[^>]*>/.exec(source.slice(lt));
    if (endTag) {
      const name = (endTag[1] ?? "").toLowerCase();
      // A stray </p> makes an empty paragraph in browsers; elsewhere stray end tags vanish.
      if (!closeTo(name) && name === "p") current().children.push(element("p"));
      i = lt + endTag[0].length;
      continue;
    }
    const startTag = /^<([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(source.slice(lt));
    if (!startTag) {
      current().children.push(text("<"));
      i = lt + 1;
      continue;
    }
    const name = (startTag[1] ?? "").toLowerCase();
    const rawAttrs = startTag[2] ?? "";
    const selfClosing = /\/\s*$/.test(rawAttrs);
    const node = element(name, parseAttributes(rawAttrs.replace(/\/\s*$/, "")));
    i = lt + startTag[0].length;

    if (BLOCK_ELEMENTS.has(name) && current().name === "p") stack.pop();
    const closes = SELF_NESTING_CLOSES[name];
    if (closes && closes.includes(current().name)) stack.pop();
    current().children.push(node);

    if (VOID_ELEMENTS.has(name) || selfClosing) continue;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const close = source.toLowerCase().indexOf(`</${name}`, i);
      const stop = close === -1 ? source.length : close;
      if (stop > i) node.children.push(text(source.slice(i, stop)));
      const gt = close === -1 ? -1 : source.indexOf(">", close);
      i = gt === -1 ? source.length : gt + 1;
      continue;
    }
    stack.push(node);
  }
  return root.children;
}

function parseAttributes(raw: string): Array<[string, string | null]> {
  const attrs: Array<[string, string | null]> = [];
  for (const match of raw.matchAll(ATTR_RE)) {
    const name = (match[1] ?? "").toLowerCase();
    const value = match[2] ?? match[3] ?? match[4];
    if (attrs.some(([existing]) => existing === name)) continue; // first one wins, as in browsers
    attrs.push([name, value === undefined ? null : value]);
  }
  return attrs;
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
