// Times as the store keeps them (ISO 8601 UTC text), and when a booking's room is cleaned up.
import type { Policy } from "../../shared";
import type { MeetingWindow } from "../providers/video-provider";

export function iso(date: Date): string {
  return date.toISOString();
}

export function later(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}

/** Pexip VMRs are deleted a grace time after the booking or series ends; Teams expires its own. */
export function cleanupAt(policy: Policy, service: string, window: MeetingWindow): string | null {
  if (service !== "pexip") return null;
  const last = window.seriesEnd ?? window.end;
  return later(last, policy.pexip.cleanupGraceMinutes * 60_000);
}
