// Typed calls to Graph's /users/{oid}/onlineMeetings; the provider never builds a URL itself.
import { ProviderError, type ProviderOperation } from "../../errors";
import { createHttpClient } from "../../http";
import { httpDeps, type ProviderDeps } from "../provider-deps";
import { entraAuth } from "./entra-token";
import { describeGraphError } from "./graph-errors";
import {
  GraphOnlineMeeting,
  type GraphCreateOnly,
  type GraphCreateOrGet,
  type GraphMeetingSettings,
} from "./graph-schemas";
import type { TeamsConfig } from "./teams-config";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** App-only calls must name the organizer by object id (a GUID), never by anything else. */
function meetingsPath(oid: string, operation: ProviderOperation, id?: string): string {
  if (!GUID.test(oid)) {
    throw new ProviderError(
      "teams",
      operation,
      "rejected",
      undefined,
      "organizer oid is not a GUID",
    );
  }
  const base = `/users/${oid}/onlineMeetings`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

export type GraphPatch = Partial<GraphMeetingSettings> & {
  startDateTime?: string;
  endDateTime?: string;
};

export function createGraphApi(config: TeamsConfig, deps: ProviderDeps) {
  const auth = entraAuth(config, deps);
  const http = createHttpClient({
    provider: "teams",
    baseUrl: config.graphUrl,
    policy: config.http,
    auth,
    // Lobby scopes "invited" and "organizationExcludingGuests" come back only with this header.
    headers: { prefer: "include-unknown-enum-members" },
    describeError: describeGraphError(config.clientId),
    ...httpDeps(deps),
  });

  return {
    deadline: () => http.deadline(),

    /** 201 = made now, 200 = one with this externalId existed (tenant + organizer + externalId). */
    async createOrGet(oid: string, body: GraphCreateOrGet, deadline: number) {
      const res = await http.request({
        operation: "create",
        method: "POST",
        path: `${meetingsPath(oid, "create")}/createOrGet`,
        json: body,
        schema: GraphOnlineMeeting,
        deadline,
      });
      if (!res.ok) throw new ProviderError("teams", "create", "rejected", res.status);
      return { existed: res.status === 200, meeting: res.data };
    },

    /**
     * A plain create, retried only after a 429 (refused before anything happened): a repeat of
     * an unanswered create could make a second meeting with the same externalId, so the caller
     * asks createOrGet whether it got through.
     */
    create(
      oid: string,
      body: GraphCreateOrGet & GraphMeetingSettings & GraphCreateOnly,
      deadline: number,
    ) {
      return http.send({
        operation: "create",
        method: "POST",
        path: meetingsPath(oid, "create"),
        json: body,
        schema: GraphOnlineMeeting,
        deadline,
        retry: "throttled",
      });
    },

    patch(
      oid: string,
      id: string,
      body: GraphPatch,
      operation: ProviderOperation,
      deadline: number,
    ) {
      return http.send({
        operation,
        method: "PATCH",
        path: meetingsPath(oid, operation, id),
        json: body,
        schema: GraphOnlineMeeting,
        deadline,
      });
    },

    async get(oid: string, id: string, deadline: number): Promise<GraphOnlineMeeting | null> {
      const res = await http.request({
        operation: "get",
        method: "GET",
        path: meetingsPath(oid, "get", id),
        schema: GraphOnlineMeeting,
        passStatuses: [404],
        deadline,
      });
      return res.ok ? res.data : null;
    },

    /** 404: already gone, which is what we wanted. */
    async delete(oid: string, id: string, operation: ProviderOperation, deadline: number) {
      await http.request({
        operation,
        method: "DELETE",
        path: meetingsPath(oid, operation, id),
        passStatuses: [404],
        deadline,
      });
    },

    /** A token from Entra ID (cached): proves the credentials; Graph has no cheap app-only GET. */
    async ping(deadline: number): Promise<void> {
      await auth.headers(deadline);
    },
  };
}

export type GraphApi = ReturnType<typeof createGraphApi>;
