import { namedEntity } from "../html/entity-names";

// Bounded quantifiers and no nesting: one pass, no backtracking blow-up on long inputs.
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(code: number, raw: string): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return raw;
  return String.fromCodePoint(code);
}

/** Decodes character references (`&aring;`, `&#229;`, `&#xE5;`) in text or attribute values. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(
    ENTITY,
    (raw, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10), raw);
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), raw);
      return (name !== undefined ? namedEntity(name) : undefined) ?? raw;
    },
  );
}
