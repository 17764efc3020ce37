import { empty, json } from "../http/reply";
import { type Route } from "../http/router";
import { withBody, withObjectBody } from "./body";
import { conferenceFieldsSchema, type ConferenceBody } from "./conference-fields";
import { validateConferenceWrite } from "./conference-validation";
import { applyFilters, listRoutes, type ListSpec } from "./listing";
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

  /** PUT replaces the conference; PATCH (`partial`) keeps what the body leaves out. */
  const write = (status: 202 | 204, partial: boolean) =>
    withObjectBody(
      (id) => store.getConference(id),
      (record, body) => {
        const result = validateConferenceWrite(body, store, {
          ...(partial ? { base: record.fields } : {}),
          selfId: record.id,
        });
        if (!result.ok) return validationError("conference", result.errors);
        store.updateConference(record, result.fields);
        replaceAliases(record.id, result.aliases);
        return empty(status);
      },
    );

  return [
    ...listRoutes(
      LIST,
      filtered,
      (c) => store.conferenceView(c),
      (id) => store.deleteConference(id),
    ),
    {
      method: "POST",
      path: LIST,
      handle: withBody((body) => {
        const write = validateConferenceWrite(body, store, {});
        if (!write.ok) return validationError("conference", write.errors);
        const record = store.addConference(write.fields);
        replaceAliases(record.id, write.aliases);
        return empty(201, { location: conferenceUri(record.id) });
      }),
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
    { method: "PATCH", path: DETAIL, handle: write(202, true) },
    { method: "PUT", path: DETAIL, handle: write(204, false) },
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
