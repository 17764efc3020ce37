import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { decodeCharRefs } from "../../../src/shared/html";
import {
  isLegacyName,
  isLongerThanLegacy,
  LONGEST_NAME,
  namedEntity,
} from "../../../src/shared/html/entity-names";

// The WHATWG table as the `entities` package (BSD-2-Clause) ships it: names without "&" and ";".
const require = createRequire(import.meta.url);
const FULL = require("entities/lib/maps/entities.json") as Record<string, string>;
const LEGACY = require("entities/lib/maps/legacy.json") as Record<string, string>;

// Our subset, read back through the public lookup: every name of the full table we know.
const known = Object.keys(FULL).filter((name) => namedEntity(name) !== undefined);

describe("the named character reference subset", () => {
  it("gives every name it knows the WHATWG table's text", () => {
    for (const name of known) expect(namedEntity(name), name).toBe(FULL[name]);
    expect(known.length).toBeGreaterThan(140);
  });

  it("knows no name the WHATWG table does not", () => {
    for (const name of ["bogus", "constructor", "toString", "__proto__", "Aring2", "AMPx"])
      expect(namedEntity(name), name).toBeUndefined();
  });

  it("has exactly the WHATWG legacy names (read without ';'), with their texts", () => {
    const legacy = Object.keys(LEGACY);
    expect(legacy).toHaveLength(106);
    for (const name of legacy) {
      expect(isLegacyName(name), name).toBe(true);
      expect(namedEntity(name), name).toBe(LEGACY[name]);
    }
    for (const name of known) expect(isLegacyName(name), name).toBe(name in LEGACY);
  });

  it("knows the longer names that start with a legacy name, and leaves them as written", () => {
    const legacy = Object.keys(LEGACY);
    const longer = Object.keys(FULL).filter((name) =>
      legacy.some((prefix) => name !== prefix && name.startsWith(prefix)),
    );
    expect(longer).toHaveLength(40);
    for (const name of longer) {
      expect(isLongerThanLegacy(name), name).toBe(true);
      // Not "¬in;": the legacy name at the start is not read instead of the whole.
      expect(decodeCharRefs(`&${name};`), name).toBe(`&${name};`);
    }
    for (const name of Object.keys(FULL).filter((n) => !longer.includes(n)))
      expect(isLongerThanLegacy(name), name).toBe(false);
  });

  it("has the names editors and signatures write", () => {
    for (const name of ["nbsp", "ndash", "mdash", "hellip", "rsquo", "ldquo", "bull", "euro"])
      expect(namedEntity(name), name).toBe(FULL[name]);
    for (const name of ["commat", "period", "colon", "lpar", "rpar", "sol", "num", "plus"])
      expect(namedEntity(name), name).toBe(FULL[name]);
  });

  it("reads far enough for every name it knows or refuses", () => {
    const names = [...known, ...Object.keys(FULL).filter((name) => isLongerThanLegacy(name))];
    for (const name of names) expect(name.length).toBeLessThanOrEqual(LONGEST_NAME);
    expect(names.some((name) => name.length === LONGEST_NAME)).toBe(true);
  });
});
