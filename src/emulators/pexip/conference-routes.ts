import { empty, json } from "../http/reply";
import { type Route } from "../http/router";
import { readObjectBody } from "./body";
import { conferenceFieldsSchema, type ConferenceBody } from "./conference-fields";
import { validateConferenceWrite } from "./conference-validation";
import { applyFilters, paginate, type ListSpec } from "./listing";
import {
  API_BASE,
  aliasIdOf,
  conferenceUri,
  type ConferenceRecord,
  type PexipStore,
} from "./store";
import { normalizeBooleanFilters, plainError, validationError } from "./tastypie";

const LIST = new RegExp(`^${API_BASE}/conference/$`);
const DETAIL = new RegExp(`^${API_BASE}/conference/(?<id>\\d+)/$`);

const listSpec: ListSpec<ConferenceRecord> = {
  fields: [
    "id",
    "resource_uri",
    "creation_time",
    "aliases",
    ...conferenceFieldsSchema.keyof().options,
  ],
  filterable: {
    id: (c) => String(c.id),
    name: (c) => c.fields.name,
    tag: (c) => c.fields.tag,
    description: (c) => c.fields.description,
    service_type: (c) => c.fields.service_type,
    primary_owner_email_address: (c) => c.fields.primary_owner_email_address,
    pin: (c) => c.fields.pin,
    guest_pin: (c) => c.fields.guest_pin,
    allow_guests: (c) => String(c.fields.allow_guests),
    participant_limit: (c) => String(c.fields.participant_limit),
  },
  orderable: {
    id: (c) => c.id,
    name: (c) => c.fields.name,
    creation_time: (c) => c.creationTime,
  },
};
const BOOLEAN_FILTERS = ["allow_guests"];

const notEmulated = () =>
  plainError("Bulk PUT/PATCH on a list is not emulated (see docs/emulators.md).", 501);

/** `/api/admin/configuration/v1/conference/` and `…/conference/<id>/`. */
export function conferenceRoutes(store: PexipStore): Route[] {
  const filtered = (url: URL) =>
    applyFilters(
      store.allConferences(),
      normalizeBooleanFilters(url.searchParams, BOOLEAN_FILTERS),
      listSpec,
    );

  // The list replaces the conference's aliases: inline ones are created, URIs move an existing
  // alias object here, and the conference's other aliases are deleted.
  const replaceAliases = (conferenceId: number, aliases: ConferenceBody["aliases"]) => {
    if (aliases === undefined) return;
    const moved = new Set(aliases.map((a) => (typeof a === "string" ? aliasIdOf(a) : undefined)));
    for (const old of store.aliasesOf(conferenceId))
      if (!moved.has(old.id)) store.deleteAlias(old.id);
    for (const a of aliases) {
      if (typeof a !== "string") {
        store.addAlias(conferenceId, a.alias, a.description);
        continue;
      }
      const record = store.getAlias(aliasIdOf(a) ?? -1);
      if (record)
        store.updateAlias(record, {
          alias: record.alias,
          conferenceId,
          description: record.description,
        });
    }
  };

  return [
    {
      method: "GET",
      path: LIST,
      handle: (req) => {
        const result = filtered(req.url);
        return result.ok
          ? paginate(result.items, req.url, (c) => store.conferenceView(c))
          : result.reply;
      },
    },
    {
      method: "POST",
      path: LIST,
      handle: (req) => {
        const body = readObjectBody(req);
        if (!body.ok) return body.reply;
        const write = validateConferenceWrite(body.value, store, {});
        if (!write.ok) return validationError("conference", write.errors);
        const record = store.addConference(write.fields);
        replaceAliases(record.id, write.aliases);
        return empty(201, { location: conferenceUri(record.id) });
      },
    },
    {
      method: "DELETE",
      path: LIST,
      handle: (req) => {
        // Tastypie deletes every object the (filtered) list holds: a client that drops the
        // id from a DELETE URL empties the room list, here as on Infinity.
        const result = filtered(req.url);
        if (!result.ok) return result.reply;
        for (const c of result.items) store.deleteConference(c.id);
        return empty(204);
      },
    },
    { method: "PATCH", path: LIST, handle: notEmulated },
    { method: "PUT", path: LIST, handle: notEmulated },
    {
      method: "GET",
      path: DETAIL,
      handle: (_req, { id }) => {
        const record = store.getConference(Number(id));
        return record ? json(200, store.conferenceView(record)) : empty(404);
      },
    },
    {
      method: "PATCH",
      path: DETAIL,
      handle: (req, { id }) => {
        const record = store.getConference(Number(id));
        if (!record) return empty(404);
        const body = readObjectBody(req);
        if (!body.ok) return body.reply;
        const write = validateConferenceWrite(body.value, store, {
          base: record.fields,
          selfId: record.id,
        });
        if (!write.ok) return validationError("conference", write.errors);
        store.updateConference(record, write.fields);
        replaceAliases(record.id, write.aliases);
        return empty(202);
      },
    },
    {
      method: "PUT",
      path: DETAIL,
      handle: (req, { id }) => {
        const record = store.getConference(Number(id));
        if (!record) return empty(404);
        const body = readObjectBody(req);
        if (!body.ok) return body.reply;
        const write = validateConferenceWrite(body.value, store, { selfId: record.id });
        if (!write.ok) return validationError("conference", write.errors);
        store.updateConference(record, write.fields);
        replaceAliases(record.id, write.aliases);
        return empty(204);
      },
    },
    {
      method: "DELETE",
      path: DETAIL,
      handle: (_req, { id }) => {
        if (!store.getConference(Number(id))) return empty(404);
        store.deleteConference(Number(id));
        return empty(204);
      },
    },
    {
      method: "POST",
      path: DETAIL,
      handle: () => plainError("POST on a detail URI is not implemented.", 501),
    },
  ];
}
