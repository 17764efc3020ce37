import type { HarnessStore } from "./store";

/**
 * What the harness page puts on `window.__svmHarness`: the store every frame shares, and the
 * test hook (page/test-hook.ts) the browser tests drive the page with.
 */
export interface HarnessGlobal {
  store: HarnessStore;
}

export const HARNESS_GLOBAL = "__svmHarness";

/** The harness behind a frame: its parent page, or a dialog's opener's page. */
export function findHarness(win: Window): HarnessGlobal | undefined {
  const candidates: Array<Window | null | undefined> = [
    win,
    win.parent,
    win.opener as Window | null,
  ];
  try {
    candidates.push((win.opener as Window | null)?.parent);
  } catch {
    // a cross-origin opener: not ours
  }
  for (const candidate of candidates) {
    try {
      const found = (candidate as unknown as Record<string, HarnessGlobal | undefined> | null)?.[
        HARNESS_GLOBAL
      ];
      if (found?.store) return found;
    } catch {
      // cross-origin frames throw on access
    }
  }
  return undefined;
}
