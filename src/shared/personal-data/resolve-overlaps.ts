import { type RawFinding } from "./raw-finding";

// Whether any finding in `sorted` (by start, non-overlapping) overlaps start…end.
function overlaps(sorted: readonly RawFinding[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  // First finding that ends after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.end ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = sorted[lo];
  return candidate !== undefined && candidate.start < end;
}

function merge(a: readonly RawFinding[], b: readonly RawFinding[]): RawFinding[] {
  const out: RawFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.start <= y.start)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
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
    for (const finding of list) {
      const last = kept[kept.length - 1];
      if (last && last.end > finding.start) continue;
      if (!overlaps(accepted, finding.start, finding.end)) kept.push(finding);
    }
    accepted = merge(accepted, kept);
  }
  return accepted;
}
