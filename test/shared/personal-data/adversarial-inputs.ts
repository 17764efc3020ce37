// 1 MB inputs built to hit the scanner's worst cases: long digit runs, repeated separators,
// nested and unterminated markup, many "@", "&", "<". Used by adversarial.test.ts (results)
// and scripts/bench-shared-scanner.ts (timings).

export const MEGABYTE = 1 << 20;

/** `unit` repeated until the result is at least `size` characters. */
export function fill(unit: string, size = MEGABYTE): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

export interface AdversarialInput {
  name: string;
  /** Plain text goes to findPersonalData, HTML through htmlToText first. */
  html: boolean;
  text: string;
}

export function adversarialInputs(): AdversarialInput[] {
  const depth = 40_000;
  return [
    { name: "one digit run", html: false, text: fill("1") },
    { name: "10-digit test numbers", html: false, text: fill("1212121212 ") },
    { name: "digits with dashes", html: false, text: fill("1-") },
    { name: "digit pairs with spaces", html: false, text: fill("01 ") },
    { name: "zeros with spaces", html: false, text: fill("0 ") },
    { name: "date and dash chains", html: false, text: fill("191212-") },
    { name: "serial chains", html: false, text: fill("19121212-1212-") },
    { name: "plus and digits", html: false, text: fill("+4") },
    { name: "full-width digits", html: false, text: fill("\uff11") },
    { name: "invisible between digits", html: false, text: fill("1\u200b") },
    { name: "at signs", html: false, text: fill("a@") },
    {
      name: "long mailbox and domain",
      html: false,
      text: fill(`${"a".repeat(300)}@${"b.".repeat(300)}`),
    },
    { name: "link prefixes", html: false, text: fill("https://") },
    { name: "patient triggers", html: false, text: fill("patient ") },
    { name: "street names", html: false, text: fill("Storgatan ") },
    { name: "capitalised words", html: false, text: fill("Ang Anna ") },
    // Issue 13's bad input for the name rules: ordinary capitalised words (about 10 000 in
    // 1 MB), a body of nothing but names, Cyrillic look-alike letters, zero-width joiners.
    {
      name: "10 000 capitalised words",
      html: false,
      text: fill(
        "genomgång av Rutiner för vårdplanering och läkemedel i hemmet enligt överenskommelse. ",
        MEGABYTE,
      ),
    },
    {
      name: "only names",
      html: false,
      text: fill("Karin Holm Per Ek Ali Hassan Britt-Marie Lund "),
    },
    {
      name: "Cyrillic look-alikes",
      html: false,
      text: fill("Besök \u041aarin H\u043elm inför operation. "),
    },
    {
      name: "zero-width joiners in names",
      html: false,
      text: fill("Besök Ka\u200drin Ho\u200dlm inför operation. "),
    },
    {
      name: "nested tags",
      html: true,
      text: `${"<div>".repeat(depth)}19121212-1212${"</div>".repeat(depth)}`,
    },
    { name: "many <", html: true, text: fill("<") },
    { name: "unclosed tags", html: true, text: fill("<a ") },
    { name: "unterminated comments", html: true, text: fill("<!--") },
    { name: "unterminated style", html: true, text: fill("<style>") },
    { name: "ampersands", html: true, text: fill("&") },
    { name: "numeric entities", html: true, text: fill("&#49;") },
    { name: "half entities", html: true, text: fill("&#") },
  ];
}

const PARAGRAPH =
  '<p class="MsoNormal"><span style="font-size:11.0pt">Välkommen till uppföljande ' +
  "vårdplanering (SIP) den 27/11 kl. 14.30&#8211;15.30. Mötes-ID: 346 123 456 789, " +
  "lösenkod 9Xk2Pq. Organisationsnummer 232100-0016, rum 4:12, pris 1&nbsp;250 kr." +
  '<o:p></o:p></span></p>\n<p><a href="https://vmr.example.se/webapp/m/9100123456/step-by-step?role=guest" id="LPNoLP">Anslut</a> ' +
  "eller ring in via +46 8 505 201 10,,123456789#. Frågor till karl.nilsson@region.example.</p>\n" +
  "<table><tr><td>Tid</td><td>Aktivitet</td></tr><tr><td>14.30</td><td>Genomgång</td></tr></table>\n";

/** An Outlook (Word-made) invitation body of about 1 MB with one patient detail per screen. */
export function realisticBody(size = MEGABYTE): string {
  const head =
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang="SV">';
  let body = head;
  let i = 0;
  while (body.length < size) {
    body += PARAGRAPH;
    if (++i % 20 === 0)
      body += "<p>Gäller patient Anna Andersson, 19121212-1212, tel 070-174 06 05.</p>\n";
  }
  return `${body}</body></html>`;
}
