import { API_PREFIX, ClientConfig } from "../../shared/contract";
import { ServiceError } from "../api/service-error";

/** `GET /api/v1/client-config` on the pane's own origin: the one call made before sign-in. */
export async function fetchClientConfig(
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
  url = `${API_PREFIX}/client-config`,
): Promise<ClientConfig> {
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: "application/json" } });
  } catch (error) {
    throw new ServiceError(
      "network",
      0,
      error instanceof Error ? error.message : String(error),
      true,
    );
  }
  if (!response.ok) {
    throw new ServiceError(
      "bad_response",
      response.status,
      `client config: HTTP ${response.status}`,
      true,
    );
  }
  const parsed = ClientConfig.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new ServiceError("bad_response", response.status, parsed.error.message);
  return parsed.data;
}
