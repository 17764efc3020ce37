// The body as the editor shows it: the add-in's HTML rendered, but nothing in it may run in the
// harness page (scripts, handlers, frames, javascript: links, styles that restyle the page).
const DROP = new Set([
  "SCRIPT",
  "STYLE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "LINK",
  "META",
  "BASE",
  "FORM",
  "TITLE",
]);

export function safeFragment(html: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = html;
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_ELEMENT);
  const doomed: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    if (DROP.has(element.tagName)) {
      doomed.push(element);
      continue;
    }
    for (const attr of [...element.attributes]) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on") || value.startsWith("javascript:"))
        element.removeAttribute(attr.name);
    }
  }
  for (const element of doomed) element.remove();
  return template.content;
}
