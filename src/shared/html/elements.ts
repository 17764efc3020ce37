// What each reader of a body needs to know about elements, decided once: which have no end tag,
// whose content is not markup, and which start a new line when the body is shown.

/** Elements with no content and no end tag (HTML § 13.1.2). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(
  "area base br col embed hr img input link meta param source track wbr".split(" "),
);

/**
 * Elements whose content the tokenizer does not read as markup: RAWTEXT (script, style and the
 * old ones that behave the same) and RCDATA (title, textarea), where character references are
 * still read. `plaintext` is left out on purpose: no mail client writes it, and taking the rest
 * of a body as its text would hide the rest from every other reader.
 */
export const RAWTEXT_ELEMENTS: ReadonlySet<string> = new Set(
  "script style xmp iframe noembed noframes".split(" "),
);
export const RCDATA_ELEMENTS: ReadonlySet<string> = new Set(["title", "textarea"]);

/**
 * Elements a browser shows as blocks (the user agent style sheet's `display: block`, `list-item`
 * and the table rows and groups): their start and end break the line.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre " +
    "section summary table tbody tfoot thead tr ul"
  ).split(" "),
);

/** Table cells: side by side on one line, with space between. */
export const CELL_ELEMENTS: ReadonlySet<string> = new Set(["td", "th"]);

/**
 * Elements whose content is never shown: scripts and styles, Word's <xml> document properties
 * (author, company) that sometimes stand outside their conditional comment, and <template>.
 */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "xml", "template"]);
