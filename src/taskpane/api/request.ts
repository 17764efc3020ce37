// The pane's side of the one service client (src/shared/service-client): the browser's fetch in
// the shape it calls, and the waiting room's event stream, which only the pane opens.
import type { FetchLike } from "../../shared/service-client/exchange";
import type { ClientOptions } from "../../shared/service-client/request";

export type { GetToken } from "../../shared/service-client/request";

/** The browser's fetch as the shared client calls it. */
export function browserFetch(fetchFn: typeof fetch): FetchLike {
  return (url, init) => fetchFn(url, { ...init, signal: init.signal as AbortSignal | undefined });
}

/**
 * Opens a long-lived text/event-stream with the same base URL, token and headers as `request`:
 * no timeout (it lasts while the pane watches) and no retry here (the caller's loop reconnects);
 * `signal` ends it.
 */
export async function openStream(
  options: Pick<ClientOptions, "baseUrl" | "getToken">,
  fetchFn: typeof fetch,
  path: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  refresh: boolean,
): Promise<Response> {
  const token = options.getToken ? await options.getToken(refresh) : "";
  return fetchFn(`${options.baseUrl.replace(/\/+$/, "")}${path}`, {
    headers: { accept: "text/event-stream", authorization: `Bearer ${token}`, ...headers },
    signal,
    cache: "no-store",
  });
}
