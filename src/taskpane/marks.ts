/**
 * Performance marks of the pane's start (visible in the browser's performance tools and read by
 * scripts/bench-pane.ts): where the first second goes.
 */
export type StartMark = "start" | "office-ready" | "first-render" | "services" | "types" | "ready";

export function mark(name: StartMark): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") {
    performance.mark(`svm:${name}`);
  }
}
