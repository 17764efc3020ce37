// A poll's calls → what the pane sees. Display names pass through here into the answer being
// built, and nowhere else.
import type { RoomView, WaitingParticipant } from "../../shared";
import type { RoomCall } from "../providers/video-provider";

/** The view of a room the service watches (not Teams). */
export type ServiceRoomView = Extract<RoomView, { handledBy: "service" }>;

export interface RoomViewInput {
  calls: readonly RoomCall[];
  /** When the video service answered (ms). */
  at: number;
  limit: number | null;
  names: "names" | "initials";
  /** The booking is removed or its meeting (series) is over. */
  over: boolean;
  idFor: (callId: string) => string;
}

const MAX_NAME = 100;

/** "Anna-Karin Svensson" → "AS": the first letter of the first and the last word. */
export function initialsOf(displayName: string): string | undefined {
  const words = displayName
    .normalize("NFC")
    .split(/[\s\-–_.,]+/u)
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  if (words.length === 0) return undefined;
  const picked = words.length === 1 ? [words[0]!] : [words[0]!, words[words.length - 1]!];
  return picked.join("").toLocaleUpperCase("sv");
}

function waitingEntry(call: RoomCall, input: RoomViewInput): WaitingParticipant {
  const entry: WaitingParticipant = {
    id: input.idFor(call.callId),
    waitedSeconds: Math.max(0, Math.floor((input.at - call.connectedAt) / 1000)),
  };
  const name = call.displayName.trim();
  if (name === "") return entry;
  if (input.names === "names") entry.displayName = [...name].slice(0, MAX_NAME).join("");
  else {
    const initials = initialsOf(name);
    if (initials) entry.initials = initials;
  }
  return entry;
}

export function buildRoomView(input: RoomViewInput): ServiceRoomView {
  const held = input.calls
    .filter((call) => call.waiting)
    .sort((a, b) => a.connectedAt - b.connectedAt);
  const inMeeting = input.calls.filter((call) => !call.waiting);
  const guests = inMeeting.filter((call) => call.role === "guest").length;
  const hosts = inMeeting.length - guests;
  const state =
    held.length > 0
      ? "waiting"
      : inMeeting.length > 0
        ? "in_progress"
        : input.over
          ? "ended"
          : "empty";
  return {
    handledBy: "service",
    state,
    counts: { waiting: held.length, guests, hosts, limit: input.limit },
    waiting: held.map((call) => waitingEntry(call, input)),
    names: input.names,
    asOf: new Date(input.at).toISOString(),
  };
}

/** A removed booking's room: nothing to ask the video service (its VMR is gone). */
export function endedRoomView(
  limit: number | null,
  names: "names" | "initials",
  at: number,
): ServiceRoomView {
  return {
    handledBy: "service",
    state: "ended",
    counts: { waiting: 0, guests: 0, hosts: 0, limit },
    waiting: [],
    names,
    asOf: new Date(at).toISOString(),
  };
}
