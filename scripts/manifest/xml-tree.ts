// A small element tree with line numbers, so every manifest problem can name its line.
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  line: number;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

export type ParseResult =
  { ok: true; root: XmlElement } | { ok: false; line: number; message: string };

export function parseXml(xml: string): ParseResult {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: { line: number; message: string } | null = null;

  parser.on("error", (err) => {
    failure ??= {
      line: parser.line,
      message: `not well-formed XML: ${err.message.replace(/^.*?:\d+:\d+: /, "")}`,
    };
  });
  parser.on("opentag", (tag) => {
    const parent = stack.at(-1) ?? null;
    const el: XmlElement = {
      name: tag.name,
      attrs: { ...tag.attributes },
      line: parser.line,
      children: [],
      text: "",
      parent,
    };
    if (parent) parent.children.push(el);
    else root = el;
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    failure ??= { line: parser.line, message: `not well-formed XML: ${(err as Error).message}` };
  }
  if (failure) return { ok: false, ...failure };
  if (!root) return { ok: false, line: 1, message: "no root element" };
  return { ok: true, root };
}

export function localName(el: XmlElement): string {
  return el.name.includes(":") ? el.name.slice(el.name.indexOf(":") + 1) : el.name;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const child of el.children) yield* walk(child);
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => localName(c) === name);
}
