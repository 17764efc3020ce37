// The Markdown subset a Smart Alert message may use (errorMessageMarkdown, Mailbox 1.15):
// paragraphs, line breaks, **bold**, *italic*, bullet lists and [links](https://…). Built as DOM
// nodes, so nothing in the message is ever parsed as HTML.
import { el } from "./dom";

export function renderMarkdown(source: string): HTMLElement[] {
  return source
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split("\n").map((l) => l.trim());
      if (lines.every((l) => /^[-*] /.test(l)))
        return el(
          "ul",
          {},
          lines.map((l) => el("li", {}, inline(l.slice(2)))),
        );
      const paragraph = el("p");
      lines.forEach((line, i) => {
        if (i > 0) paragraph.append(el("br"));
        paragraph.append(...inline(line));
      });
      return paragraph;
    });
}

function inline(text: string): Array<Node | string> {
  const out: Array<Node | string> = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out.push(text.slice(last, match.index));
    if (match[1] !== undefined) out.push(el("strong", {}, [match[1]]));
    else if (match[2] !== undefined) out.push(el("em", {}, [match[2]]));
    else
      out.push(
        el("a", { href: match[4] ?? "", target: "_blank", rel: "noopener" }, [match[3] ?? ""]),
      );
    last = (match.index ?? 0) + match[0].length;
  }
  out.push(text.slice(last));
  return out;
}
