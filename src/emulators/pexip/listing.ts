import { empty, json, type Reply } from "../http/reply";
import { type Route } from "../http/router";
import { plainError } from "./tastypie";

const DEFAULT_LIMIT = 20;
// Third-party notes put Infinity's maximum page at 10 000 (unverified).
const MAX_LIMIT = 10_000;
const NOT_FILTERS = new Set(["limit", "offset", "format", "order_by"]);
const LOOKUPS: Record<string, (value: string, wanted: string) => boolean> = {
  exact: (v, w) => v === w,
  iexact: (v, w) => v.toLowerCase() === w.toLowerCase(),
  contains: (v, w) => v.includes(w),
  icontains: (v, w) => v.toLowerCase().includes(w.toLowerCase()),
  startswith: (v, w) => v.startsWith(w),
  istartswith: (v, w) => v.toLowerCase().startsWith(w.toLowerCase()),
  endswith: (v, w) => v.endsWith(w),
  iendswith: (v, w) => v.toLowerCase().endsWith(w.toLowerCase()),
  // Django compares integer fields as numbers (id__gt=99 includes 100), text fields as text.
  gt: (v, w) => compare(v, w) > 0,
  gte: (v, w) => compare(v, w) >= 0,
  lt: (v, w) => compare(v, w) < 0,
  lte: (v, w) => compare(v, w) <= 0,
};

function compare(value: string, wanted: string): number {
  const numeric = /^-?\d+$/;
  if (numeric.test(value) && numeric.test(wanted)) return Number(value) - Number(wanted);
  return value < wanted ? -1 : value > wanted ? 1 : 0;
}

export interface ListSpec<T> {
  /** Every field of the resource: Tastypie ignores query parameters that are not fields. */
  fields: readonly string[];
  /** The fields that allow filtering, and how to read them as text. */
  filterable: Record<string, (item: T) => string>;
  /** Fields `order_by` accepts (Tastypie's `ordering`), as sort keys; absent: none. */
  orderable?: Record<string, (item: T) => string | number>;
}

export type Filtered<T> = { ok: true; items: T[] } | { ok: false; reply: Reply };

/** Applies Tastypie-style filters such as `?tag=x` and `?name__startswith=y`. */
export function applyFilters<T>(
  items: T[],
  query: URLSearchParams,
  spec: ListSpec<T>,
): Filtered<T> {
  let result = items;
  for (const [key, wanted] of query) {
    if (NOT_FILTERS.has(key)) continue;
    const [field = "", lookup = "exact", ...rest] = key.split("__");
    if (!spec.fields.includes(field)) continue;
    const read = spec.filterable[field];
    if (!read)
      return { ok: false, reply: plainError(`The '${field}' field does not allow filtering.`) };
    const test = LOOKUPS[lookup];
    if (!test || rest.length > 0)
      return {
        ok: false,
        reply: plainError(`Lookup '${key}' is not allowed on field '${field}'.`),
      };
    result = result.filter((item) => test(read(item), wanted));
  }
  return orderItems(result, query.get("order_by"), spec);
}

/**
 * `order_by=field` or `order_by=-field` (Tastypie). Without it the database's order, which for
 * Infinity's configuration objects is creation order; a field not allowed for ordering is a 400.
 */
function orderItems<T>(items: T[], orderBy: string | null, spec: ListSpec<T>): Filtered<T> {
  if (orderBy === null || orderBy === "") return { ok: true, items };
  const field = orderBy.replace(/^-/, "");
  const key = spec.orderable?.[field];
  if (!key)
    return { ok: false, reply: plainError(`No matching '${field}' field for ordering on.`) };
  const sign = orderBy.startsWith("-") ? -1 : 1;
  const sorted = [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  });
  return { ok: true, items: sorted };
}

/**
 * Tastypie's paginated list: `{meta: {limit, next, offset, previous, total_count}, objects}`.
 * Only the page is rendered, so a page over tens of thousands of objects stays cheap.
 */
export function paginate<T>(items: T[], url: URL, render: (item: T) => unknown): Reply {
  const limitText = url.searchParams.get("limit") ?? String(DEFAULT_LIMIT);
  const offsetText = url.searchParams.get("offset") ?? "0";
  if (!/^\d+$/.test(limitText))
    return plainError(`Invalid limit '${limitText}' provided. Please provide a positive integer.`);
  if (!/^\d+$/.test(offsetText))
    return plainError(
      `Invalid offset '${offsetText}' provided. Please provide a positive integer >= 0.`,
    );
  const requested = Number(limitText);
  const limit = requested === 0 || requested > MAX_LIMIT ? MAX_LIMIT : requested;
  const offset = Number(offsetText);
  const page = items.slice(offset, offset + limit);
  const link = (newOffset: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("limit", String(limit));
    params.set("offset", String(newOffset));
    return `${url.pathname}?${params.toString()}`;
  };
  return json(200, {
    meta: {
      limit,
      next: offset + limit < items.length ? link(offset + limit) : null,
      offset,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      total_count: items.length,
    },
    objects: page.map(render),
  });
}

/**
 * GET and DELETE on a Tastypie list URL. Tastypie deletes every object the (filtered) list
 * holds: a client that drops the id from a DELETE URL empties the list, here as on Infinity.
 */
export function listRoutes<T extends { id: number }>(
  path: RegExp,
  filtered: (url: URL) => Filtered<T>,
  render: (item: T) => unknown,
  remove: (id: number) => void,
): Route[] {
  return [
    {
      method: "GET",
      path,
      handle: (req) => {
        const result = filtered(req.url);
        return result.ok ? paginate(result.items, req.url, render) : result.reply;
      },
    },
    {
      method: "DELETE",
      path,
      handle: (req) => {
        const result = filtered(req.url);
        if (!result.ok) return result.reply;
        for (const item of result.items) remove(item.id);
        return empty(204);
      },
    },
  ];
}
