import { isLetter, type LowerText } from "./chars";

// Labels whose value is meeting join data. Deliberately no bare "id" or "kod": "Patient-ID:" and
// "personkod" must not hide an identity number.
const JOIN_LABELS = [
  "mötes-id",
  "mötesid",
  "möte-id",
  "meeting id",
  "meeting-id",
  "konferens-id",
  "konferensid",
  "conference id",
  "video-id",
  "alias",
  "vmr",
  "videoadress",
  "video address",
  "videosystem",
  "video system",
  "video systems",
  "mötesnummer",
  "meeting number",
  "sip",
  "pin",
  "pinkod",
  "pin-kod",
  "pin code",
  "lösenkod",
  "lösenord",
  "passcode",
  "password",
];

// Words that introduce a conference's dial-in number (Teams' "Ring in (endast ljud)" block …).
const DIAL_IN_WORDS = [
  "ring in",
  "ringa in",
  "dial-in",
  "dial in",
  "call in",
  "telefonkonferens",
  "konferensnummer",
  "endast ljud",
  "audio only",
  "ljud via telefon",
  "delta via telefon",
  "anslut via telefon",
  "join by phone",
];

// Labels of a phone number: a 10-digit run after them is a number to call even when it also
// passes as a samordningsnummer ("Tel 0701740607": 1907-01-14).
const PHONE_LABELS = [
  "tel",
  "tfn",
  "telefon",
  "telefonnummer",
  "mobil",
  "mobilnr",
  "mobilnummer",
  "mob",
  "ring",
  "sms",
  "phone",
  "nås på",
];

const LABEL_GAP = 3;
const LABEL_WINDOW = 24;
const DIAL_IN_WINDOW = 120;

/** True when `position` directly follows a join-data label ("Mötes-ID: …", "PIN …"). */
export function followsJoinLabel(lower: LowerText, position: number): boolean {
  return followsLabel(lower, position, JOIN_LABELS);
}

/** True when `position` directly follows a phone label ("Tel: …", "mobil …"). */
export function followsPhoneLabel(lower: LowerText, position: number): boolean {
  return followsLabel(lower, position, PHONE_LABELS);
}

// " :=#.-" between a label and its value.
function isLabelGap(code: number): boolean {
  return code === 32 || code === 58 || code === 61 || code === 35 || code === 46 || code === 45;
}

function followsLabel(lower: LowerText, position: number, labels: readonly string[]): boolean {
  let i = position;
  const stop = Math.max(0, position - LABEL_GAP);
  while (i > stop && isLabelGap(lower.charCodeAt(i - 1))) i--;
  // Every label ends with a letter; most numbers follow a digit or punctuation instead.
  if (!isLetter(lower.charCodeAt(i - 1))) return false;
  const window = lower.slice(Math.max(0, i - LABEL_WINDOW), i);
  return labels.some(
    (label) =>
      window.endsWith(label) && !isLetter(window.charCodeAt(window.length - label.length - 1)),
  );
}

/**
 * True when a number at `start`…`end` is a conference dial-in: followed by ",," or "#" (the
 * conference id a phone dials, "+46 8 505 201 10,,123456789#"), or preceded on its own or the
 * previous line by dial-in words.
 */
export function isDialIn(lower: LowerText, start: number, end: number): boolean {
  const next = lower.slice(end, end + 3).trimStart();
  if (/^(?:,[,\d]|[#;])/.test(next)) return true;
  let from = start;
  let lineBreaks = 0;
  while (from > 0 && start - from < DIAL_IN_WINDOW) {
    // The number's own line and the one before it ("Ring in (endast ljud)" above the number).
    if (lower.charCodeAt(from - 1) === 10 && ++lineBreaks > 1) break;
    from--;
  }
  const before = lower.slice(from, start);
  return DIAL_IN_WORDS.some((word) => before.includes(word));
}
