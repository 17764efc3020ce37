// What classic Outlook on Windows hands back from body.getAsync: its editor is Word, so the body
// is a whole Word-made HTML document (office-js #2101, #2045, #827): Office namespaces on <html>,
// a Generator meta, a <style> block with MsoNormal, conditional comments, a WordSection1 div, and
// every paragraph as `<p class=MsoNormal>…<o:p></o:p></p>`; loose text and id-less divs become
// such paragraphs; classes other than Word's own and data-* attributes are dropped; attribute
// values are written Word's way (bare when simple, else single-quoted).
import {
  BLOCK_ELEMENTS,
  element,
  getAttr,
  removeAttrs,
  setAttr,
  text,
  type HtmlElement,
  type HtmlNode,
} from "./parse";
import { serializeHtml } from "./serialize";

const WORD_HEAD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
\t{font-family:Aptos;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{margin:0cm;
\tfont-size:12.0pt;
\tfont-family:"Aptos",sans-serif;
\tmso-ligatures:standardcontextual;
\tmso-fareast-language:EN-US;}
a:link, span.MsoHyperlink
\t{mso-style-priority:99;
\tcolor:#467886;
\ttext-decoration:underline;}
.MsoChpDefault
\t{mso-style-type:export-only;
\tfont-size:10.0pt;
\tmso-ligatures:none;}
@page WordSection1
\t{size:612.0pt 792.0pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
\t{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang=SV link="#467886" vlink="#96607D" style='word-wrap:break-word'>
<div class=WordSection1>
`;
const WORD_TAIL = `
</div>
</body>
</html>
`;

const WORD_CLASSES = new Set(["MsoNormal", "MsoHyperlink", "WordSection1"]);
const PARAGRAPH_HOLDERS = new Set(["td", "th", "li", "blockquote"]);

export function rewriteForClassic(content: HtmlNode[]): string {
  let paragraphs = wordify(content, true);
  if (!paragraphs.some((n) => n.type === "element")) paragraphs = [emptyParagraph()];
  return WORD_HEAD + serializeHtml(joinWithNewlines(paragraphs), "word") + WORD_TAIL;
}

/** The editable content of a Word document: inside WordSection1 when present. */
export function unwrapWordSection(content: HtmlNode[]): HtmlNode[] {
  const elements = content.filter((n) => n.type === "element");
  const only = elements[0];
  if (elements.length === 1 && only?.type === "element" && only.name === "div") {
    if (getAttr(only, "class") === "WordSection1") return only.children;
  }
  return content;
}

function wordify(nodes: HtmlNode[], holdsParagraphs: boolean): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.type !== "element") {
      out.push(node);
      continue;
    }
    cleanAttributes(node);
    if (node.name === "div" && getAttr(node, "id") === undefined && !node.children.some(isBlock)) {
      out.push(paragraph(node.attrs, wordify(node.children, false)));
      continue;
    }
    if (node.name === "p") {
      out.push(paragraph(node.attrs, wordify(node.children, false)));
      continue;
    }
    const holds = node.name === "div" || PARAGRAPH_HOLDERS.has(node.name);
    node.children = wordify(node.children, holds);
    out.push(node);
  }
  return holdsParagraphs ? paragraphsFromRuns(out) : out;
}

function cleanAttributes(node: HtmlElement): void {
  const classes = (getAttr(node, "class") ?? "").split(/\s+/).filter((c) => WORD_CLASSES.has(c));
  removeAttrs(node, (name) => name === "class" || name.startsWith("data-"));
  if (classes[0]) setAttr(node, "class", classes[0]);
}

function paragraph(attrs: Array<[string, string | null]>, children: HtmlNode[]): HtmlElement {
  const p = element(
    "p",
    attrs.filter(([name]) => name !== "class"),
  );
  p.attrs.unshift(["class", "MsoNormal"]);
  const meaningful = children.filter((n) => !(n.type === "text" && !n.raw.trim()));
  const last = meaningful[meaningful.length - 1];
  if (meaningful.length === 0) p.children = [element("o:p", [], [text("&nbsp;")])];
  else if (last?.type === "element" && last.name === "o:p") p.children = children;
  else p.children = [...children, element("o:p")];
  return p;
}

function emptyParagraph(): HtmlElement {
  return paragraph([], []);
}

/** Loose inline content inside a paragraph holder becomes MsoNormal paragraphs. */
function paragraphsFromRuns(nodes: HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  let run: HtmlNode[] = [];
  const flush = (): void => {
    if (run.some((n) => n.type === "element" || (n.type === "text" && n.raw.trim())))
      out.push(paragraph([], run));
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

function isBlock(node: HtmlNode): boolean {
  return node.type === "element" && BLOCK_ELEMENTS.has(node.name);
}

function joinWithNewlines(nodes: HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.type === "text") continue; // Word writes its own line breaks between blocks
    if (out.length > 0) out.push(text("\n"));
    out.push(node);
  }
  return out;
}
