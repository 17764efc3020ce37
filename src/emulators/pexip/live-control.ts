import { z } from "zod";
import { parseControlBody } from "../emulator-server";
import { empty, json } from "../http/reply";
import { type Route } from "../http/router";
import { type LiveConferences } from "./live";
import { participantStatus } from "./status-routes";

export const joinRequestSchema = z
  .object({
    alias: z.string().min(1),
    displayName: z.string().min(1).max(100),
    pin: z.string().optional(),
    role: z.enum(["chair", "guest"]).optional(),
    protocol: z.enum(["WebRTC", "SIP"]).optional(),
  })
  .strict();

/**
 * Scripted callers (ours, for tests and the waiting-room view): `POST /_emulator/participants`
 * joins one (by alias, with a PIN or a role), `DELETE /_emulator/participants/{id}` hangs up,
 * `GET /_emulator/participants` lists them as the status API shows them.
 */
export function liveControlRoutes(live: LiveConferences): Route[] {
  return [
    {
      method: "GET",
      path: /^\/_emulator\/participants$/,
      handle: () => json(200, live.participants().map(participantStatus)),
    },
    {
      method: "POST",
      path: /^\/_emulator\/participants$/,
      handle: (req) => {
        const body = parseControlBody(req, joinRequestSchema);
        if (!body.ok) return body.reply;
        const joined = live.join(body.value);
        if (!joined.ok) return json(joined.status, { error: joined.reason });
        return json(201, participantStatus(live.participant(joined.participant.id)!));
      },
    },
    {
      method: "DELETE",
      path: /^\/_emulator\/participants\/(?<id>[^/]+)$/,
      handle: (_req, { id }) =>
        live.leave(id ?? "") ? empty(204) : json(404, { error: "no such participant" }),
    },
  ];
}
