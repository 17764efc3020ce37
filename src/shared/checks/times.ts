// The meeting's time, judged the way the service judges it (create-booking refuses a meeting
// whose last occurrence has ended), so the pane says so before the click.
import type { BookingWindow } from "../contract/window";

export type TimeFinding = { kind: "endBeforeStart" } | { kind: "timePast" };

export function checkTimes(window: BookingWindow, now: Date): TimeFinding | null {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (!(end > start)) return { kind: "endBeforeStart" };
  if (Date.parse(window.seriesEnd ?? window.end) <= now.getTime()) return { kind: "timePast" };
  return null;
}
