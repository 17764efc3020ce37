import { type RawFinding } from "./raw-finding";

// Whether any finding in `sorted` (by start, non-overlapping) overlaps start…end.
function overlaps(sorted: readonly RawFinding[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  // First finding that ends after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as RawFinding).end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && (sorted[lo] as RawFinding).start < end;
}

// Reads stay inside both arrays: an out-of-bounds read makes V8 take a slow path, and on
// 100 000 findings that showed.
function merge(a: RawFinding[], b: RawFinding[]): RawFinding[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: RawFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as RawFinding;
    const y = b[j] as RawFinding;
    if (x.start <= y.start) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as RawFinding);
  while (j < b.length) out.push(b[j++] as RawFinding);
  return out;
}

/**
 * Keeps findings so that none overlap: lists earlier in `byPriority` win (identity numbers
 * before phones before e-mail …), and within a list the earlier finding wins. Each list must be
 * sorted by start. O(n log n) in the number of findings.
 */
export function resolveOverlaps(byPriority: ReadonlyArray<readonly RawFinding[]>): RawFinding[] {
  let accepted: RawFinding[] = [];
  for (const list of byPriority) {
    const kept: RawFinding[] = [];
    let lastEnd = -1;
    for (const finding of list) {
      if (lastEnd > finding.start) continue;
      if (!overlaps(accepted, finding.start, finding.end)) {
        kept.push(finding);
        lastEnd = finding.end;
      }
    }
    accepted = merge(accepted, kept);
  }
  return accepted;
}
