import type { ClientConfig } from "../../shared/contract";
import type { GetToken } from "../api/request";
import { fetchEmulatorToken } from "./emulator";
import { type MsalDeps, createMsalTokenFetcher } from "./msal";
import { memoize } from "./token-cache";

export interface TokenSourceDeps extends Omit<MsalDeps, "loginHint"> {
  userEmail: string;
  fetch: typeof fetch;
}

/** How the pane gets its access token, as the service's client config says. */
export function createTokenSource(config: ClientConfig, deps: TokenSourceDeps): GetToken {
  const signIn = config.signIn;
  if (signIn.kind === "emulator") {
    return memoize(() => fetchEmulatorToken(signIn, deps.userEmail, deps.fetch));
  }
  return memoize(createMsalTokenFetcher(signIn, { ...deps, loginHint: deps.userEmail }));
}
