import { isAlnum, isDigit } from "./chars";
import { type PersonalDataFinding } from "./finding";
import { normalizeForScan } from "./normalize";

const DOT = "\u2022";

function replaceAt(chars: string[], index: number): void {
  chars[index] = DOT;
}

// Birth date stays, the last four go: "19121212-••••", "121212-••••", "19810829••••".
function maskIdentity(match: string): string {
  const normal = normalizeForScan(match);
  const chars = match.split("");
  const alnum = chars.filter((_, i) => isAlnum(normal.charCodeAt(i))).length;
  let keep = alnum >= 12 ? 8 : 6;
  return chars
    .map((c, i) => {
      if (!isAlnum(normal.charCodeAt(i))) return c;
      return keep-- > 0 ? c : DOT;
    })
    .join("");
}

// Area code or mobile prefix and the last two digits: "070-••• •• 05", "+46 70 ••• •• 05".
function maskPhone(match: string): string {
  const normal = normalizeForScan(match);
  const chars = match.split("");
  const isDigitAt = (i: number) => isDigit(normal.charCodeAt(i));
  const digitIndexes = chars.flatMap((_, i) => (isDigitAt(i) ? [i] : []));
  const firstSeparator = chars.findIndex((c, i) => i > 0 && !isDigitAt(i) && c !== "(");
  let keepUntil: number;
  if (normal.startsWith("+")) {
    const second = chars.findIndex((_, i) => i > firstSeparator + 1 && !isDigitAt(i));
    keepUntil = firstSeparator > 0 && second > 0 ? second : 5;
  } else {
    keepUntil = firstSeparator > 0 ? firstSeparator : 3;
  }
  const lastTwo = new Set(digitIndexes.slice(-2));
  digitIndexes.forEach((i) => {
    if (i >= keepUntil && !lastTwo.has(i)) replaceAt(chars, i);
  });
  return chars.join("");
}

// First letter of the mailbox, the whole domain: "a•••@example.com".
function maskEmail(match: string): string {
  const at = match.lastIndexOf("@");
  return `${match.slice(0, 1)}${DOT.repeat(3)}${match.slice(at)}`;
}

// Street and place stay, numbers go: "Storgatan ••", "722 •• Västerås".
function maskAddress(match: string): string {
  const chars = [...match];
  const postcode = /(\d{3}) (\d{2})(?!\d)/.exec(match);
  if (postcode) {
    const from = postcode.index + 4;
    for (let i = from; i < from + 2; i++) replaceAt(chars, i);
    return chars.join("");
  }
  // A street address ends with its number: everything from the first digit goes.
  const firstDigit = chars.findIndex((c) => isDigit(c.charCodeAt(0)));
  return chars.map((c, i) => (firstDigit >= 0 && i >= firstDigit && c !== " " ? DOT : c)).join("");
}

// Initials only, with a fixed tail so the length of the name does not show: "A••• A•••".
function maskName(match: string): string {
  return match
    .split(" ")
    .map((word) =>
      word.endsWith(".") && word.length <= 2 ? word : `${word.slice(0, 1)}${DOT.repeat(3)}`,
    )
    .join(" ");
}

/**
 * What the pane shows for a finding: enough for the user to recognise what to remove, not
 * enough to leak it (into a screenshot, a log, a support ticket).
 */
export function maskMatch(finding: Pick<PersonalDataFinding, "kind" | "match">): string {
  switch (finding.kind) {
    case "personnummer":
    case "samordningsnummer":
    case "reservnummer":
      return maskIdentity(finding.match);
    case "phone":
      return maskPhone(finding.match);
    case "email":
      return maskEmail(finding.match);
    case "address":
      return maskAddress(finding.match);
    case "name":
      return maskName(finding.match);
  }
}
