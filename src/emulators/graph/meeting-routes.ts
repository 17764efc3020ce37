import { randomUUID } from "node:crypto";
import { type z } from "zod";
import { type Clock } from "../clock";
import { header, mediaType, readJson, type EmuRequest } from "../http/request";
import { empty, type Reply } from "../http/reply";
import { type Route } from "../http/router";
import { graphError, graphHeaders, graphJson } from "./graph-error";
import { buildMeeting, resolveTimes } from "./meeting-factory";
import {
  createBodySchema,
  createOrGetBodySchema,
  graphValidationMessage,
  patchBodySchema,
  type CreateBody,
} from "./meeting-schema";
import { renderMeeting, type MeetingStore } from "./meeting-store";
import { applyPatch, checkPatch } from "./meeting-update";
import { applyPremiumPolicy } from "./premium";
import { type TenantDirectory } from "./tenants";

const BASE = "^/v1\\.0/users/(?<uid>[^/]+)/onlineMeetings";
const FILTER = /^\s*(joinWebUrl|joinMeetingIdSettings\/joinMeetingId)\s+eq\s+'(.*)'\s*$/i;

export interface MeetingContext {
  store: MeetingStore;
  tenants: TenantDirectory;
  now: Clock;
}

/** Route params carry the caller's tenant (from the token) next to the path's user id. */
type Params = Record<string, string>;

/** `/v1.0/users/{id}/onlineMeetings`: createOrGet, create, get by filter, get, update, delete. */
export function meetingRoutes(ctx: MeetingContext): Route[] {
  const render = (
    req: EmuRequest,
    status: number,
    stored: Parameters<typeof renderMeeting>[0],
    params: Params,
  ) => {
    const prefer = (header(req, "prefer") ?? "")
      .toLowerCase()
      .includes("include-unknown-enum-members");
    return graphJson(req, status, {
      "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${params.uid}')/onlineMeetings/$entity`,
      ...renderMeeting(stored, prefer),
    });
  };

  const create = (req: EmuRequest, params: Params, body: CreateBody, status: 200 | 201): Reply => {
    const tenant = ctx.tenants.get(params.tid!);
    const premium = applyPremiumPolicy(body, tenant);
    if (!premium.ok) return premiumRefused(req, premium.properties);
    const times = resolveTimes(body.startDateTime, body.endDateTime, ctx.now());
    if (!times.ok) return graphError(400, times.message, { req });
    const meeting = buildMeeting({
      tenantId: params.tid!,
      organizerOid: params.uid!,
      body: premium.body,
      startMs: times.startMs,
      endMs: times.endMs,
      tenant,
      nowMs: ctx.now(),
    });
    ctx.store.add({ tenantId: params.tid!, organizerOid: params.uid!, meeting });
    return render(req, status, meeting, params);
  };

  return [
    {
      method: "POST",
      path: new RegExp(`${BASE}/createOrGet$`),
      handle: (req, params) => {
        const body = parseBody(req, createOrGetBodySchema, "createOrGet");
        if (!body.ok) return body.reply;
        const existing = ctx.store.findByExternalId(
          params.tid!,
          params.uid!,
          body.value.externalId,
        );
        // An existing meeting is returned as it is: createOrGet does not update it.
        if (existing) return render(req, 200, existing.meeting, params);
        const { chatInfo: _chatInfo, ...rest } = body.value;
        return create(req, params, rest, 201);
      },
    },
    {
      method: "POST",
      path: new RegExp(`${BASE}$`),
      handle: (req, params) => {
        const body = parseBody(req, createBodySchema, "onlineMeeting");
        return body.ok ? create(req, params, body.value, 201) : body.reply;
      },
    },
    {
      method: "GET",
      path: new RegExp(`${BASE}$`),
      handle: (req, params) => {
        const filter = FILTER.exec(req.url.searchParams.get("$filter") ?? "");
        if (!filter)
          return graphError(
            400,
            "Filter expression expected - /onlineMeetings?$filter=JoinWebUrl eq 'joinweburl'.",
            { req },
          );
        const byUrl = filter[1]!.toLowerCase() === "joinweburl";
        const wanted = filter[2]!.replace(/''/g, "'");
        const found = ctx.store
          .ofOrganizer(params.tid!, params.uid!)
          .filter(
            (s) =>
              (byUrl ? s.meeting.joinWebUrl : s.meeting.joinMeetingIdSettings.joinMeetingId) ===
              wanted,
          );
        const prefer = (header(req, "prefer") ?? "")
          .toLowerCase()
          .includes("include-unknown-enum-members");
        return graphJson(req, 200, {
          "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${params.uid}')/onlineMeetings`,
          value: found.map((s) => renderMeeting(s.meeting, prefer)),
        });
      },
    },
    {
      method: "GET",
      path: new RegExp(`${BASE}/(?<id>[^/]+)$`),
      handle: (req, params) => {
        const stored = ctx.store.get(params.tid!, params.uid!, params.id!);
        return stored ? render(req, 200, stored.meeting, params) : notFound(req);
      },
    },
    {
      method: "PATCH",
      path: new RegExp(`${BASE}/(?<id>[^/]+)$`),
      handle: (req, params) => {
        const stored = ctx.store.get(params.tid!, params.uid!, params.id!);
        if (!stored) return notFound(req);
        const body = parseBody(req, patchBodySchema, "onlineMeeting");
        if (!body.ok) return body.reply;
        const premium = applyPremiumPolicy(body.value, ctx.tenants.get(params.tid!));
        if (!premium.ok) return premiumRefused(req, premium.properties);
        const check = checkPatch(stored, premium.body);
        if (!check.ok) return graphError(400, check.message, { req });
        applyPatch(stored, premium.body);
        return render(req, 200, stored.meeting, params);
      },
    },
    {
      method: "DELETE",
      path: new RegExp(`${BASE}/(?<id>[^/]+)$`),
      handle: (req, params) => {
        const stored = ctx.store.get(params.tid!, params.uid!, params.id!);
        if (!stored) return notFound(req);
        ctx.store.delete(stored.meeting.id);
        return empty(204, graphHeaders(req, randomUUID()));
      },
    },
  ];
}

function parseBody<T extends z.ZodType>(
  req: EmuRequest,
  schema: T,
  operation: "onlineMeeting" | "createOrGet",
): { ok: true; value: z.infer<T> } | { ok: false; reply: Reply } {
  if (mediaType(req) !== "application/json")
    return { ok: false, reply: graphError(415, "Content-Type must be application/json.", { req }) };
  const json = readJson(req);
  if (!json.ok)
    return {
      ok: false,
      reply: graphError(400, `Unable to read JSON request payload: ${json.reason}.`, { req }),
    };
  const value =
    typeof json.value === "object" && json.value !== null && !Array.isArray(json.value)
      ? Object.fromEntries(Object.entries(json.value).filter(([k]) => !k.startsWith("@odata.")))
      : json.value;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      reply: graphError(400, graphValidationMessage(parsed.error, operation), { req }),
    };
  return { ok: true, value: parsed.data };
}

function notFound(req: EmuRequest): Reply {
  return graphError(404, "The requested online meeting was not found.", { req });
}

function premiumRefused(req: EmuRequest, properties: string[]): Reply {
  return graphError(
    403,
    `The organizer needs a Teams Premium license to set ${properties.join(", ")}.`,
    {
      code: "Forbidden",
      req,
    },
  );
}
