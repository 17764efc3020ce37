// The waiting room as the pane reads it: a server-sent event stream (opened by the one API
// client, client.ts: EventSource cannot send the Authorization and X-Manage-Key headers),
// reconnecting by itself, and "Släpp in". Display names in the views live in React state only
// while the pane shows them.
import { type AdmitRequest, type AdmitResponse, RoomView } from "../../shared/contract";
import type { BookingRef } from "../office/ports";
import { ServiceError, codeForStatus } from "./service-error";

export interface RoomHandlers {
  onView: (view: RoomView) => void;
  /** The service or Pexip did not answer this time; the stream goes on trying. */
  onUnavailable: () => void;
}

export interface RoomApi {
  /**
   * Follows the room until `signal` aborts, or until the service says nothing will change
   * (Teams, a removed booking). Rejects only when the service refuses (403 and the like).
   */
  watchRoom(ref: BookingRef, handlers: RoomHandlers, signal: AbortSignal): Promise<void>;
  admit(ref: BookingRef, body: AdmitRequest): Promise<AdmitResponse>;
}

/** Wait before reconnecting after a dropped stream (the service's `retry:` says 3 s too). */
const RECONNECT_MS = 3000;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** One `event:`/`data:` block of a text/event-stream. */
export function parseFrame(frame: string): { event: string; data: string } | null {
  let event = "message";
  const data: string[] = [];
  for (const line of frame.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length > 0 ? { event, data: data.join("\n") } : null;
}

type StreamEnd = "final" | "reconnect";

async function readStream(
  body: ReadableStream<Uint8Array>,
  handlers: RoomHandlers,
): Promise<StreamEnd> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let final = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return final ? "final" : "reconnect";
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const frame = parseFrame(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (!frame) continue;
      if (frame.event === "room") {
        const view = RoomView.safeParse(JSON.parse(frame.data));
        if (view.success) handlers.onView(view.data);
      } else if (frame.event === "unavailable") handlers.onUnavailable();
      else if (frame.event === "end") {
        const reconnect = (JSON.parse(frame.data) as { reconnect?: boolean }).reconnect === true;
        final = !reconnect;
      }
    }
  }
}

/** Opens the room's event stream; `refresh` asks for a new token after a 401. */
export type OpenRoomStream = (refresh: boolean) => Promise<Response>;

/** The watch loop behind `RoomApi.watchRoom`: reconnects until `signal` aborts or the end is final. */
export async function followRoom(
  open: OpenRoomStream,
  handlers: RoomHandlers,
  signal: AbortSignal,
): Promise<void> {
  let refreshed = false;
  while (!signal.aborted) {
    let response: Response;
    try {
      response = await open(refreshed);
    } catch {
      if (signal.aborted) return;
      handlers.onUnavailable();
      await pause(RECONNECT_MS, signal);
      continue;
    }
    if (response.status === 401 && !refreshed) {
      refreshed = true;
      continue;
    }
    if (!response.ok || !response.body) {
      const code = codeForStatus(response.status, response.headers.has("retry-after"));
      const retryable = response.status >= 500 || response.status === 429;
      if (!retryable) throw new ServiceError(code, response.status, `HTTP ${response.status}`);
      handlers.onUnavailable();
      await pause(RECONNECT_MS, signal);
      continue;
    }
    refreshed = false;
    let ended: StreamEnd;
    try {
      ended = await readStream(response.body, handlers);
    } catch {
      if (signal.aborted) return;
      ended = "reconnect";
      handlers.onUnavailable();
    }
    if (ended === "final") return;
    await pause(RECONNECT_MS, signal);
  }
}
