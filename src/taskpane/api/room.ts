// The waiting room as the pane reads it: a server-sent event stream read with fetch (EventSource
// cannot send the Authorization and X-Manage-Key headers), reconnecting by itself, and "Släpp in".
// Display names in the views live in React state only while the pane shows them.
import { AdmitRequest, AdmitResponse, MANAGE_KEY_HEADER, RoomView } from "../../shared/contract";
import type { BookingRef } from "../office/ports";
import type { BookingApiOptions } from "./client";
import { type GetToken, request } from "./request";
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
  watch(ref: BookingRef, handlers: RoomHandlers, signal: AbortSignal): Promise<void>;
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

export function createRoomApi(options: BookingApiOptions): RoomApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const getToken: GetToken = options.getToken;
  const path = (ref: BookingRef) => `/meetings/${encodeURIComponent(ref.bookingId)}/room`;

  async function open(ref: BookingRef, signal: AbortSignal, refresh: boolean) {
    const token = await getToken(refresh);
    return fetchFn(`${baseUrl}${path(ref)}/events`, {
      headers: {
        accept: "text/event-stream",
        authorization: `Bearer ${token}`,
        [MANAGE_KEY_HEADER]: ref.manageKey,
      },
      signal,
      cache: "no-store",
    });
  }

  return {
    async watch(ref, handlers, signal) {
      let refreshed = false;
      while (!signal.aborted) {
        let response: Response;
        try {
          response = await open(ref, signal, refreshed);
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
          const code = codeForStatus(response.status);
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
    },

    admit: (ref, body) =>
      request(
        {
          baseUrl,
          getToken,
          fetch: fetchFn,
          attempts: 1,
          backoffMs: () => 0,
          timeoutMs: options.timeoutMs ?? 20_000,
        },
        {
          method: "POST",
          path: `${path(ref)}/admit`,
          body: AdmitRequest.parse(body),
          headers: { [MANAGE_KEY_HEADER]: ref.manageKey },
          schema: AdmitResponse,
          // Letting someone in twice is harmless, but a second click is the user's choice.
          retry: false,
        },
      ),
  };
}
