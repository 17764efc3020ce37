import { json, type Reply } from "../http/reply";
import { type Route } from "../http/router";
import { readObjectBody } from "./body";
import { type LiveConferences } from "./live";

export const COMMAND_BASE = "/api/admin/command/v1";

/** Infinity accepts a command with 202 and `{"data": null, "status": "success"}` (pexshell's test). */
function accepted(): Reply {
  return json(202, { data: null, status: "success" });
}

/** A refused command: the `status`/`message` pair of go-infinity-sdk's CommandResponse. */
function failure(status: number, message: string): Reply {
  return json(status, { status: "failure", message });
}

type Target = "participant_id" | "conference_id";

/**
 * One command: POST a JSON body naming its target by `participant_id` or `conference_id` (the
 * status API's ids, UUIDs), then run `act`, which says whether the target exists.
 */
function command(path: string, target: Target, act: (id: string) => boolean): Route {
  return {
    method: "POST",
    path: new RegExp(`^${COMMAND_BASE}/${path}/$`),
    handle: (req) => {
      const body = readObjectBody(req);
      if (!body.ok) return body.reply;
      const id = body.value[target];
      if (typeof id !== "string" || id === "")
        return failure(400, `${target} is required (a string).`);
      if (!act(id))
        return failure(
          404,
          target === "participant_id" ? "Participant not found." : "Conference not found.",
        );
      return accepted();
    },
  };
}

/**
 * The command API's conference-control part the service and its waiting-room view need:
 * let a held participant in, disconnect one, lock and unlock a conference.
 */
export function commandRoutes(live: LiveConferences): Route[] {
  return [
    command("participant/unlock", "participant_id", (id) => live.admit(id)),
    command("participant/disconnect", "participant_id", (id) => live.leave(id)),
    command("conference/lock", "conference_id", (id) => live.setLocked(id, true)),
    command("conference/unlock", "conference_id", (id) => live.setLocked(id, false)),
  ];
}
