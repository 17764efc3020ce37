// Who is in a VMR right now, and letting a held Guest in: Infinity's status API
// (`participant/?conference=<name>`) and command API (`participant/unlock/`). Field names from
// Pexip's go-infinity-sdk (`status.Participant`, `command` package); test/fixtures/contracts/pexip.
import { z } from "zod";
import { ProviderError } from "../../errors";
import type { HttpClient } from "../../http";
import type { RoomCall } from "../video-provider";

export const STATUS_PARTICIPANT_PATH = "/api/admin/status/v1/participant/";
export const COMMAND_UNLOCK_PATH = "/api/admin/command/v1/participant/unlock/";
const PAGE = 100;
/** A VMR holds at most a few hundred calls; more pages than this is a loop, not a meeting. */
const MAX_PAGES = 20;

/**
 * The fields of a status `participant` we read. `display_name` is personal data: it is parsed
 * here only to be handed to the pane, never logged (a schema failure names paths, not values).
 */
const StatusParticipant = z.object({
  id: z.string().min(1).max(64),
  conference: z.string(),
  role: z.string(),
  is_on_hold: z.boolean(),
  connect_time: z.string().nullish(),
  display_name: z.string().nullish(),
  service_tag: z.string().nullish(),
});

const StatusParticipantList = z.object({
  meta: z.object({ next: z.string().nullable() }),
  objects: z.array(StatusParticipant),
});

/** Infinity's timestamps are UTC without a zone designator (and with microseconds). */
export function parsePexipTime(value: string | null | undefined, fallback: number): number {
  if (!value) return fallback;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned.replace(/(\.\d{3})\d+/, "$1"));
  return Number.isFinite(ms) ? ms : fallback;
}

/** Status ids are UUIDs; anything else must never reach a command body. */
const CALL_ID = /^[0-9a-fA-F-]{8,64}$/;

export function createPexipStatusApi(http: HttpClient, tag: string, now: () => number) {
  return {
    /** The calls in the VMR named `name` (only ours: the VMR's tag must be our tag). */
    async calls(name: string): Promise<RoomCall[]> {
      const deadline = http.deadline();
      const calls: RoomCall[] = [];
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const list = await http.send({
          operation: "status",
          method: "GET",
          path: STATUS_PARTICIPANT_PATH,
          query: { conference: name, limit: PAGE, offset: page * PAGE },
          schema: StatusParticipantList,
          deadline,
        });
        const at = now();
        for (const p of list.objects) {
          if (p.conference !== name) continue;
          if (p.service_tag !== undefined && p.service_tag !== null && p.service_tag !== tag)
            continue;
          calls.push({
            callId: p.id,
            role: p.role === "chair" ? "host" : "guest",
            waiting: p.is_on_hold,
            connectedAt: parsePexipTime(p.connect_time, at),
            displayName: p.display_name ?? "",
          });
        }
        if (list.meta.next === null || list.objects.length === 0) return calls;
      }
      return calls;
    },

    /** `participant/unlock`: true when let in, false when the call is gone (404). */
    async unlock(callId: string): Promise<boolean> {
      if (!CALL_ID.test(callId))
        throw new ProviderError("pexip", "admit", "rejected", undefined, "call id is not a UUID");
      const res = await http.request({
        operation: "admit",
        method: "POST",
        path: COMMAND_UNLOCK_PATH,
        json: { participant_id: callId },
        passStatuses: [404],
        // A command is not safe to repeat blindly after a timeout, but unlocking twice is
        // harmless: Infinity lets the same call in once.
        retry: true,
      });
      return res.ok;
    },
  };
}
