// Typed calls to Infinity's `conference` resource; the provider never builds a URL itself.
import { ProviderError, type ProviderOperation } from "../../errors";
import { createHttpClient, type DescribeError } from "../../http";
import { httpDeps, type ProviderDeps } from "../provider-deps";
import { pexipAuth } from "./pexip-auth";
import type { PexipConfig } from "./pexip-config";
import {
  CONFERENCE_PATH,
  PexipConference,
  PexipConferenceList,
  type PexipConferenceList as PexipConferenceListType,
  PexipConferenceReadback,
  PexipValidationError,
  type PexipConferenceCreate,
} from "./pexip-schemas";

/** Rooms per list page: 20 000 rooms in 40 requests (Infinity allows up to 10 000 a page). */
const PAGE = 500;

export type CreateOutcome =
  | { created: true; id: string }
  /** Infinity refused the body: the names of the fields it complained about. */
  | { created: false; fields: string[] };

// Tastypie answers 400 with the offending field names; their messages may quote values
// (an alias, a PIN), so only the names go into an error.
const describePexipError: DescribeError = (status, body) => {
  const parsed = PexipValidationError.safeParse(body);
  if (parsed.success)
    return { detail: `invalid fields: ${Object.keys(parsed.data.conference).join(", ")}` };
  return undefined;
};

/** Conference ids are numbers; anything else must never reach a URL (DELETE on the list URI deletes every VMR). */
function conferencePath(id: string, operation: ProviderOperation): string {
  if (!/^\d{1,18}$/.test(id)) {
    throw new ProviderError(
      "pexip",
      operation,
      "rejected",
      undefined,
      "conference id is not numeric",
    );
  }
  return `${CONFERENCE_PATH}${id}/`;
}

export function createPexipApi(config: PexipConfig, deps: ProviderDeps) {
  const http = createHttpClient({
    provider: "pexip",
    baseUrl: config.managementUrl,
    policy: config.http,
    auth: pexipAuth(config, deps),
    describeError: describePexipError,
    ...httpDeps(deps),
  });

  return {
    deadline: () => http.deadline(),
    /** The same client (auth, token, limits) for the status and command APIs (pexip-status.ts). */
    http,

    async create(body: PexipConferenceCreate, deadline: number): Promise<CreateOutcome> {
      const res = await http.request({
        operation: "create",
        method: "POST",
        path: CONFERENCE_PATH,
        json: body,
        passStatuses: [400],
        deadline,
      });
      if (!res.ok) {
        const parsed = PexipValidationError.safeParse(res.body);
        return {
          created: false,
          fields: parsed.success ? Object.keys(parsed.data.conference) : [],
        };
      }
      // 201 with the new object's URI in Location; absolute or a path.
      const id = /\/conference\/(\d+)\/?$/.exec(res.headers.get("location") ?? "")?.[1];
      if (!id)
        throw new ProviderError(
          "pexip",
          "create",
          "rejected",
          res.status,
          "no conference id in Location",
        );
      return { created: true, id };
    },

    async get(id: string, deadline: number): Promise<PexipConference | null> {
      const res = await http.request({
        operation: "get",
        method: "GET",
        path: conferencePath(id, "get"),
        schema: PexipConference,
        passStatuses: [404],
        deadline,
      });
      return res.ok ? res.data : null;
    },

    /** The whole VMR as Infinity stored it (the smoke test compares it with what we sent). */
    async readBack(id: string, deadline: number): Promise<PexipConferenceReadback | null> {
      const res = await http.request({
        operation: "get",
        method: "GET",
        path: conferencePath(id, "get"),
        schema: PexipConferenceReadback,
        passStatuses: [404],
        deadline,
      });
      return res.ok ? res.data : null;
    },

    async findByName(name: string, deadline: number): Promise<PexipConference | null> {
      const list = await http.send({
        operation: "find",
        method: "GET",
        path: CONFERENCE_PATH,
        query: { name },
        schema: PexipConferenceList,
        deadline,
      });
      return list.objects.find((c) => c.name === name) ?? null;
    },

    /**
     * Every room with our tag, in id order. Pages by keyset (`id__gt` the last id seen) so rooms
     * deleted or created while we page never shift the rest: offset paging over a changing list
     * skipped rooms. A Management Node that refuses `id__gt` (a 400) is paged by offset instead,
     * still ordered by id; whatever that misses is only looked at again next pass, because
     * reconcile never concludes "gone" from a list. Every page gets its own deadline.
     */
    async listByTag(tag: string, beforeRequest?: () => Promise<void>): Promise<PexipConference[]> {
      const byId = new Map<number, PexipConference>();
      let keyset = true;
      let after = -1;
      let offset = 0;
      for (;;) {
        const query = keyset
          ? { tag, order_by: "id", limit: PAGE, id__gt: after }
          : { tag, order_by: "id", limit: PAGE, offset };
        let page: PexipConferenceListType;
        await beforeRequest?.();
        try {
          page = await http.send({
            operation: "list",
            method: "GET",
            path: CONFERENCE_PATH,
            query,
            schema: PexipConferenceList,
          });
        } catch (err) {
          if (keyset && err instanceof ProviderError && err.status === 400) {
            keyset = false;
            continue;
          }
          throw err;
        }
        for (const c of page.objects) if (c.tag === tag) byId.set(c.id, c);
        if (page.objects.length === 0 || page.meta.next === null) break;
        if (keyset) after = page.objects[page.objects.length - 1]!.id;
        else offset += PAGE;
      }
      return [...byId.values()];
    },

    async delete(id: string, deadline: number): Promise<void> {
      // 404: already gone, which is what we wanted.
      await http.request({
        operation: "delete",
        method: "DELETE",
        path: conferencePath(id, "delete"),
        passStatuses: [404],
        deadline,
      });
    },

    async ping(deadline: number): Promise<void> {
      await http.send({
        operation: "ping",
        method: "GET",
        path: CONFERENCE_PATH,
        query: { limit: 1 },
        schema: PexipConferenceList,
        deadline,
      });
    },
  };
}

export type PexipApi = ReturnType<typeof createPexipApi>;
