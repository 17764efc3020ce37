// What the manifest check reads from the build: icon pixel sizes and the function names that the
// launch-event bundle really registers (found by running it, not by searching its text).
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { pngSize } from "../lib/png";

/** Maps an icon URL (any origin) to the PNG with the same path in dist/. */
export function distIconSize(
  dist: string,
): (url: string) => { width: number; height: number } | null {
  return (url) => {
    try {
      const pathname = new URL(url).pathname;
      return pngSize(readFileSync(path.join(dist, decodeURIComponent(pathname))));
    } catch {
      return null;
    }
  };
}

/**
 * Runs the bundle in a bare context (no DOM, as classic Outlook's JavaScript-only runtime) with a
 * minimal Office object and records every Office.actions.associate call.
 */
export function registeredLaunchFunctions(bundle: string): Set<string> {
  const names = new Set<string>();
  const Office = { actions: { associate: (name: string) => void names.add(name) } };
  vm.runInNewContext(bundle, { Office }, { timeout: 2000 });
  return names;
}
