import { VOID_ELEMENTS, type HtmlNode } from "./parse";

/**
 * How attribute values are quoted. "html": always double quotes (browsers, Outlook on the web,
 * Mac). "word": the way Word's HTML filter writes them — bare when the value is a simple token
 * (`class=MsoNormal`), single quotes otherwise (`style='margin:0cm'`).
 */
export type QuoteStyle = "html" | "word";

const SIMPLE_VALUE = /^[A-Za-z0-9_.:#-]+$/;

export function serializeHtml(nodes: HtmlNode[], quotes: QuoteStyle = "html"): string {
  let out = "";
  for (const node of nodes) out += serializeNode(node, quotes);
  return out;
}

function serializeNode(node: HtmlNode, quotes: QuoteStyle): string {
  switch (node.type) {
    case "text":
      return node.raw;
    case "comment":
    case "doctype":
      return node.raw;
    case "element": {
      let open = `<${node.name}`;
      for (const [name, value] of node.attrs) open += ` ${name}${quoteValue(value, quotes)}`;
      open += ">";
      if (VOID_ELEMENTS.has(node.name)) return open;
      return `${open}${serializeHtml(node.children, quotes)}</${node.name}>`;
    }
  }
}

function quoteValue(value: string | null, quotes: QuoteStyle): string {
  if (value === null) return "";
  if (quotes === "word") {
    if (SIMPLE_VALUE.test(value)) return `=${value}`;
    return value.includes("'") ? `="${value}"` : `='${value}'`;
  }
  return value.includes('"') ? `='${value}'` : `="${value}"`;
}
