import {
  type JoinData,
  type Locale,
  type MeetingTypeId,
  JoinData as JoinDataSchema,
  type ServiceId,
} from "../contract";
import {
  DEFAULT_POLICY,
  type InvitationTemplate,
  type Policy,
  type TemplatePart,
  getMeetingType,
  parseTemplate,
  templateValues,
} from "../policy";
import { htmlEscape } from "./escape";
import { BLOCK_ID_PREFIX, BOOKING_ID_PATTERN, START_RULE, footerMarker } from "./markers";

// No inline CSS (Outlook drops or rewrites it differently in every client): the look comes
// from plain elements and <font> attributes, which Word, the web and Mac all keep.
const GREY_RULE = "#c8c8c8";
const GREY_FOOTER = "#8a8a8a";

export interface RenderInvitationInput {
  bookingId: string;
  type: MeetingTypeId;
  /** The booking's service (kept for the record; the template is chosen by type). */
  service: ServiceId;
  join: JoinData;
  locale: Locale;
}

export interface RenderedInvitation {
  html: string;
  text: string;
  location: string;
}

/** Outlook refuses a longer Location (`location.setAsync`). */
export const MAX_LOCATION_LENGTH = 255;

type Values = ReturnType<typeof templateValues>;

function partsOf(template: string): TemplatePart[] {
  const parsed = parseTemplate(template);
  // parsePolicy validated every template; a failure here means a hand-built Policy object.
  if (!parsed.ok) throw new Error(`invalid invitation template: ${parsed.error}`);
  return parsed.parts;
}

/** Null when a variable of the line has no value for this booking: the line is left out. */
function fill(parts: TemplatePart[], values: Values, html: boolean): string | null {
  let out = "";
  for (const part of parts) {
    if (part.kind === "text") {
      out += html ? htmlEscape(part.text) : part.text;
      continue;
    }
    const value = values[part.name];
    if (value === undefined || value === "") return null;
    if (!html) out += value;
    else if (part.name === "url") {
      // The visible URL is the link text: it survives plain-text views and "Copy hyperlink".
      // Set large, like Teams' "Join the meeting now": the one thing a reader must find.
      out += `<a id="LPNoLP" href="${htmlEscape(value)}"><font size="4">${htmlEscape(value)}</font></a>`;
    } else out += htmlEscape(value);
  }
  return out;
}

function renderLocation(template: InvitationTemplate, values: Values): string {
  const full = (fill(partsOf(template.location), values, false) ?? "").trim();
  if (full.length <= MAX_LOCATION_LENGTH) return full;
  // Long Teams links do not fit: keep the words, the link is in the body anyway.
  const withoutUrl = fill(partsOf(template.location), { ...values, url: " " }, false) ?? "";
  const short = withoutUrl.replace(/\s+/g, " ").trim();
  return short.length <= MAX_LOCATION_LENGTH
    ? short
    : `${short.slice(0, MAX_LOCATION_LENGTH - 1)}…`;
}

/**
 * Renders the invitation block (HTML and plain text) and the Location text from the policy's
 * template and the join data only. See `block.ts` for the markup and why it looks like this.
 */
export function renderInvitation(
  input: RenderInvitationInput,
  policy: Policy = DEFAULT_POLICY,
): RenderedInvitation {
  if (!BOOKING_ID_PATTERN.test(input.bookingId)) {
    throw new Error("bookingId must be letters, digits and dashes (a UUID)");
  }
  const join = JoinDataSchema.parse(input.join);
  const type = getMeetingType(policy, input.type);
  if (type === undefined) throw new Error(`the policy has no meeting type "${input.type}"`);
  const template = type.invitation[input.locale];
  const values = templateValues(join);

  const htmlLines: string[] = [];
  const textLines: string[] = [];
  for (const line of [template.heading, ...template.lines]) {
    const parts = partsOf(line);
    const html = fill(parts, values, true);
    const text = fill(parts, values, false);
    if (html === null || text === null) continue;
    htmlLines.push(html);
    textLines.push(text);
  }

  const footer = footerMarker(input.bookingId, input.locale);
  const [heading, ...body] = htmlLines;
  // Like Teams' own block: a rule, a heading, the join link large (see `fill`), the practical
  // lines, and a small grey footer that carries the booking id.
  const paragraphs = [
    `<p><font color="${GREY_RULE}">${START_RULE}</font></p>`,
    `<p><b><font size="5">${heading ?? ""}</font></b></p>`,
    ...body.map((line) => (line === "" ? "<p>&nbsp;</p>" : `<p>${line}</p>`)),
    `<p><font size="1" color="${GREY_FOOTER}">${htmlEscape(footer)}</font></p>`,
  ];
  return {
    html: `<div id="${BLOCK_ID_PREFIX}${input.bookingId}">${paragraphs.join("")}</div>`,
    text: [START_RULE, ...textLines, footer].join("\n"),
    location: renderLocation(template, values),
  };
}
