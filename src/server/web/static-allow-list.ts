// Which of dist/'s files the service serves: an explicit allow-list, not "whatever is in the
// folder". dist/ also holds the server bundle, and a development build may hold more; a path is
// looked up only after it has been decoded once and checked to be in canonical form, so `//`,
// `%2F`, `%2e%2e`, backslashes and double encoding can never name another file.
import { readdirSync } from "node:fs";
import path from "node:path";

/** The add-in's pages and scripts by name: the pane, its sign-in dialog, commands, launch events. */
export const ADDIN_PAGES = [
  "taskpane.html",
  "signin-dialog.html",
  "commands.html",
  "support.html",
  "launchevent.js",
] as const;

/** A content-hashed bundle the pages load (`taskpane.7df892cd.js`, `98.bd351480.js`). */
export const HASHED_BUNDLE = /^[a-z0-9-]+\.[0-9a-f]{8}\.js$/;
/** The ribbon and manifest icons. */
const ICON = /^icon-\d+\.png$/;

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** The request paths (with leading slash) to serve from `root`, each to its file name in it. */
export function allowedFiles(root: string): Map<string, string> {
  const top = new Set(filesIn(root));
  const allowed = new Map<string, string>();
  for (const name of top)
    if ((ADDIN_PAGES as readonly string[]).includes(name) || HASHED_BUNDLE.test(name))
      allowed.set(`/${name}`, name);
  for (const name of filesIn(path.join(root, "assets")))
    if (ICON.test(name)) allowed.set(`/assets/${name}`, `assets/${name}`);
  return allowed;
}

/**
 * The request's path decoded once, or null when it is not in canonical form: a path that only
 * reaches a file through a second decoding, a backslash, an empty or dot segment is no file of ours.
 */
export function canonicalPath(url: string): string | null {
  const raw = url.split("?", 1)[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!decoded.startsWith("/") || /[%\\\0]/.test(decoded)) return null;
  const segments = decoded.slice(1).split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  return decoded;
}
