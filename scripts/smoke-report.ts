// The smoke test's checklist: one line per check, and for each failure the fix on the next line.

export type Outcome = "ok" | "failed" | "skipped";

export interface CheckLine {
  outcome: Outcome;
  /** What was checked, e.g. "Teams type information: anonymizeIdentityForRoles". */
  title: string;
  /** What was found. */
  detail: string;
  /** For a failure: what region IT changes. */
  fix?: string;
}

export const ok = (title: string, detail: string): CheckLine => ({ outcome: "ok", title, detail });
export const failed = (title: string, detail: string, fix: string): CheckLine => ({
  outcome: "failed",
  title,
  detail,
  fix,
});
export const skipped = (title: string, detail: string): CheckLine => ({
  outcome: "skipped",
  title,
  detail,
});

const MARK: Record<Outcome, string> = { ok: "✔", failed: "✘", skipped: "–" };

export function formatChecklist(lines: readonly CheckLine[]): string {
  const out = ["Skyddat vårdmöte smoke test", ""];
  for (const line of lines) {
    out.push(`${MARK[line.outcome]} ${line.title}: ${line.detail}`);
    if (line.outcome === "failed" && line.fix) out.push(`    fix: ${line.fix}`);
  }
  const count = (o: Outcome) => lines.filter((l) => l.outcome === o).length;
  out.push("", `smoke: ${count("ok")} ok, ${count("failed")} failed, ${count("skipped")} skipped`);
  return out.join("\n") + "\n";
}
