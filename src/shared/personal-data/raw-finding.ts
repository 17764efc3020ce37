import { type PersonalDataKind } from "./finding";

/** A detector's result before overlaps are resolved and the match text is cut out. */
export interface RawFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  testNumber: boolean;
  /**
   * For identity numbers: written as one run of 10 digits, which is also what aliases, ids and
   * timestamps look like. Inside URLs and after a join-data label such runs are not reported.
   */
  bareTenDigits: boolean;
}

/**
 * Every raw finding has the same fields in the same order: on 1 MB of identity numbers the
 * overlap resolution reads 100 000 of them, and one object shape keeps those reads fast.
 */
export function rawFinding(
  kind: PersonalDataKind,
  start: number,
  end: number,
  testNumber = false,
  bareTenDigits = false,
): RawFinding {
  return { kind, start, end, testNumber, bareTenDigits };
}
