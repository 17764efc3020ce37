import { SE_PHONE_METADATA } from "./phone-metadata-se";

// Why a slice and not `libphonenumber-js/max`: the launch-event bundle must stay under 40 KB
// gzip, and `libphonenumber-js/max` alone is 56 KB gzip (`/min` 36 KB, `/mobile` 41 KB; even
// `/core` with a Swedish-only metadata object is 10 KB). The scanner has its own linear
// tokenizer, so all it needs from the library is the numbering plan: the full ("max")
// metadata's Swedish type patterns, generated into phone-metadata-se.ts, checked here the way
// libphonenumber's getNumberType does. phone.test.ts compares the answers with
// libphonenumber-js/max on thousands of numbers.

export type SwedishNumberType =
  | "FIXED_LINE"
  | "MOBILE"
  | "TOLL_FREE"
  | "PREMIUM_RATE"
  | "PERSONAL_NUMBER"
  | "VOICEMAIL"
  | "UAN"
  | "PAGER"
  | "SHARED_COST";

interface CompiledType {
  type: SwedishNumberType;
  pattern: RegExp;
  lengths: readonly number[];
}

// Anchored patterns, only ever run on at most 12 digits: no input can make them backtrack far.
function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

const GENERAL = anchored(SE_PHONE_METADATA.general.pattern);
const GENERAL_LENGTHS: readonly number[] = SE_PHONE_METADATA.general.lengths;

// libphonenumber checks fixed line first, then the other types in this order.
const ORDER: readonly SwedishNumberType[] = [
  "FIXED_LINE",
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
];

const TYPES: readonly CompiledType[] = ORDER.flatMap((type) => {
  const entry: { pattern: string; lengths: readonly number[] } | undefined =
    SE_PHONE_METADATA.types[type];
  return entry ? [{ type, pattern: anchored(entry.pattern), lengths: entry.lengths }] : [];
});

/**
 * The type of a Swedish national significant number (digits after +46 or the trunk 0), or
 * null when the Swedish numbering plan has no such number.
 */
export function swedishNumberType(nationalNumber: string): SwedishNumberType | null {
  if (!GENERAL_LENGTHS.includes(nationalNumber.length) || !GENERAL.test(nationalNumber)) {
    return null;
  }
  for (const { type, pattern, lengths } of TYPES) {
    if (lengths.includes(nationalNumber.length) && pattern.test(nationalNumber)) return type;
  }
  return null;
}

/**
 * Numbers that reach a person. Freephone, premium-rate, shared-cost and the 010 "UAN" ranges
 * are businesses' (and "01 01 01 01 01" would otherwise be a phone number).
 */
export function isPersonalNumberType(type: SwedishNumberType): boolean {
  return !["TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "UAN"].includes(type);
}

export type PhoneDigits =
  { scope: "se"; type: SwedishNumberType } | { scope: "foreign" } | { scope: "none" };

/**
 * Classifies the digits of a written number: `plus` when it was written with a leading "+".
 * Swedish numbers (+46, 0046 or a trunk 0) are checked against the numbering plan; other
 * international numbers are accepted on their length alone (no metadata is bundled for them).
 */
export function classifyPhoneDigits(digits: string, plus: boolean): PhoneDigits {
  let international: string | null = null;
  if (plus) international = digits;
  else if (digits.startsWith("00")) international = digits.slice(2);
  if (international !== null) {
    if (international.startsWith(SE_PHONE_METADATA.callingCode)) {
      let national = international.slice(SE_PHONE_METADATA.callingCode.length);
      // "+46 (0)70 …": the trunk prefix written after the country code.
      if (national.startsWith(SE_PHONE_METADATA.nationalPrefix)) national = national.slice(1);
      const type = swedishNumberType(national);
      return type ? { scope: "se", type } : { scope: "none" };
    }
    const first = international.charCodeAt(0);
    return international.length >= 8 && international.length <= 15 && first !== 48
      ? { scope: "foreign" }
      : { scope: "none" };
  }
  if (!digits.startsWith(SE_PHONE_METADATA.nationalPrefix)) return { scope: "none" };
  const type = swedishNumberType(digits.slice(1));
  return type ? { scope: "se", type } : { scope: "none" };
}
