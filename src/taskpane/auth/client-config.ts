import { API_PREFIX, ClientConfig } from "../../shared/contract";
import { request } from "../../shared/service-client/request";
import { browserFetch } from "../api/request";

/**
 * `GET /api/v1/client-config` on the pane's own origin: the one call made before sign-in, through
 * the same client (and error catalogue) as every other call. Once: the pane's "Försök igen" repeats it.
 */
export function fetchClientConfig(
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
  url = `${API_PREFIX}/client-config`,
): Promise<ClientConfig> {
  return request(
    {
      baseUrl: "",
      fetch: browserFetch(fetchFn),
      attempts: 1,
      backoffMs: () => 0,
      timeoutMs: 20_000,
    },
    { method: "GET", path: url, schema: ClientConfig, retry: false },
  );
}
