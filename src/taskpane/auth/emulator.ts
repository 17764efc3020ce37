import type { EmulatorSignIn } from "../../shared/contract";
import { TokenAnswer } from "../../shared/service-client/answers";
import { request } from "../../shared/service-client/request";
import { emulatorUser } from "../../shared/service-client/sign-in";
import { browserFetch } from "../api/request";
import type { CachedToken } from "./token-cache";

export { emulatorUser };

/** Embedded default only (client config kind "emulator"): POST tokenUrl {"user": …}. */
export async function fetchEmulatorToken(
  config: EmulatorSignIn,
  emailAddress: string,
  fetchFn: typeof fetch,
  now: () => number = Date.now,
): Promise<CachedToken> {
  const answer = await request(
    {
      baseUrl: "",
      fetch: browserFetch(fetchFn),
      attempts: 1,
      backoffMs: () => 0,
      timeoutMs: 20_000,
    },
    {
      method: "POST",
      path: config.tokenUrl,
      body: { user: emulatorUser(emailAddress) },
      schema: TokenAnswer,
      retry: false,
    },
  );
  return { value: answer.access_token, expiresAt: now() + answer.expires_in * 1000 };
}
