import { z } from "zod";
import { empty, json } from "../http/reply";
import { type Route } from "../http/router";
import { withBody, withObjectBody } from "./body";
import { applyFilters, listRoutes, type ListSpec } from "./listing";
import { API_BASE, aliasUri, type AliasRecord, type PexipStore } from "./store";
import {
  addError,
  djangoMessages,
  plainError,
  text,
  validationError,
  zodToFieldErrors,
  type FieldErrors,
} from "./tastypie";

const LIST = new RegExp(`^${API_BASE}/conference_alias/$`);
const DETAIL = new RegExp(`^${API_BASE}/conference_alias/(?<id>\\d+)/$`);
const CONFERENCE_URI = new RegExp(`^${API_BASE}/conference/(?<id>\\d+)/$`);

/** `conference_alias` fields (go-infinity-sdk `config/conference_alias_model.go`). */
const aliasBodySchema = z.object({
  alias: text(250).min(1, { error: djangoMessages.required }).optional(),
  conference: z.string().optional(),
  description: text(250).optional(),
});

const listSpec: ListSpec<AliasRecord> = {
  fields: ["id", "alias", "conference", "description", "creation_time", "resource_uri"],
  filterable: {
    id: (a) => String(a.id),
    alias: (a) => a.alias,
    description: (a) => a.description,
    conference: (a) => String(a.conferenceId),
  },
};

type AliasWrite =
  | { ok: true; alias: string; conferenceId: number; description: string }
  | { ok: false; errors: FieldErrors };

/** `current` is the stored alias on PATCH/PUT; only PATCH (`partial`) falls back to it. */
function validateAliasWrite(
  body: unknown,
  store: PexipStore,
  current?: AliasRecord,
  partial = true,
): AliasWrite {
  const base = partial ? current : undefined;
  const parsed = aliasBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: zodToFieldErrors(parsed.error) };
  const errors: FieldErrors = {};
  const alias = parsed.data.alias ?? base?.alias;
  const description = parsed.data.description ?? base?.description ?? "";
  let conferenceId = base?.conferenceId;
  if (parsed.data.conference !== undefined) {
    const id = CONFERENCE_URI.exec(parsed.data.conference)?.groups?.id;
    conferenceId =
      id !== undefined && store.getConference(Number(id)) !== undefined ? Number(id) : undefined;
    if (conferenceId === undefined)
      addError(errors, "conference", djangoMessages.badUri(parsed.data.conference));
  } else if (conferenceId === undefined) addError(errors, "conference", djangoMessages.required);
  if (alias === undefined) addError(errors, "alias", djangoMessages.required);
  else {
    const existing = store.findAlias(alias);
    if (existing && existing.id !== current?.id)
      addError(errors, "alias", djangoMessages.unique("Conference alias", "Alias"));
  }
  if (Object.keys(errors).length > 0 || alias === undefined || conferenceId === undefined)
    return { ok: false, errors };
  return { ok: true, alias, conferenceId, description };
}

/** `/api/admin/configuration/v1/conference_alias/` and `…/conference_alias/<id>/`. */
export function aliasRoutes(store: PexipStore): Route[] {
  const filtered = (url: URL) => applyFilters(store.allAliases(), url.searchParams, listSpec);
  const write = (status: 202 | 204, full: boolean) =>
    withObjectBody(
      (id) => store.getAlias(id),
      (record, body) => {
        const result = validateAliasWrite(body, store, record, !full);
        if (!result.ok) return validationError("conference_alias", result.errors);
        const { alias, conferenceId, description } = result;
        store.updateAlias(record, { alias, conferenceId, description });
        return empty(status);
      },
    );
  return [
    ...listRoutes(
      LIST,
      filtered,
      (a) => store.aliasView(a),
      (id) => store.deleteAlias(id),
    ),
    {
      method: "POST",
      path: LIST,
      handle: withBody((body) => {
        const result = validateAliasWrite(body, store);
        if (!result.ok) return validationError("conference_alias", result.errors);
        const record = store.addAlias(result.conferenceId, result.alias, result.description);
        return empty(201, { location: aliasUri(record.id) });
      }),
    },
    {
      method: "GET",
      path: DETAIL,
      handle: (_req, { id }) => {
        const record = store.getAlias(Number(id));
        return record ? json(200, store.aliasView(record)) : empty(404);
      },
    },
    { method: "PATCH", path: DETAIL, handle: write(202, false) },
    { method: "PUT", path: DETAIL, handle: write(204, true) },
    {
      method: "DELETE",
      path: DETAIL,
      handle: (_req, { id }) => (store.deleteAlias(Number(id)) ? empty(204) : empty(404)),
    },
    {
      method: "POST",
      path: DETAIL,
      handle: () => plainError("POST on a detail URI is not implemented.", 501),
    },
  ];
}
