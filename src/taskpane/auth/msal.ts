import type { AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import type { MsalSignIn } from "../../shared/contract";
import { DialogMessage } from "./dialog-message";
import type { CachedToken } from "./token-cache";

export interface MsalDeps {
  /** `isSetSupported("NestedAppAuth", "1.1")`. */
  naaSupported: boolean;
  /** The Outlook account's address, so MSAL picks the same account. */
  loginHint: string;
  /** Opens the same-origin sign-in dialog (Office dialog API), null when the client has none. */
  openDialog: ((url: string) => Promise<unknown>) | null;
  dialogUrl: string;
}

// Errors after which the popup cannot work here (blocked, or the host has no window), so the
// Office dialog is the way left. Anything else (the user cancelled) is the user's answer.
const POPUP_UNAVAILABLE = new Set([
  "popup_window_error",
  "empty_window_error",
  "monitor_window_timeout",
  "block_nested_popups",
  "redirect_in_iframe",
]);

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "errorCode" in error
    ? String((error as { errorCode: unknown }).errorCode)
    : "";
}

function toCached(result: AuthenticationResult): CachedToken {
  // The service accepts only its own access token; an ID token is never sent.
  if (!result.accessToken) throw new Error("MSAL returned no access token");
  return {
    value: result.accessToken,
    expiresAt: result.expiresOn ? result.expiresOn.getTime() : Date.now() + 5 * 60_000,
  };
}

/**
 * Production sign-in: MSAL nested app authentication (silent, then popup), then the Office
 * dialog. MSAL is loaded only here, lazily, and keeps its cache in memory only.
 */
export function createMsalTokenFetcher(
  config: MsalSignIn,
  deps: MsalDeps,
): () => Promise<CachedToken> {
  let pca: Promise<IPublicClientApplication> | null = null;

  const application = (): Promise<IPublicClientApplication> => {
    pca ??= import(/* webpackChunkName: "msal" */ "@azure/msal-browser").then((msal) =>
      msal.createNestablePublicClientApplication({
        auth: { clientId: config.clientId, authority: config.authority },
        cache: { cacheLocation: "memoryStorage" },
      }),
    );
    return pca;
  };

  const viaDialog = async (): Promise<CachedToken> => {
    if (!deps.openDialog) throw new Error("no sign-in method is available in this Outlook");
    const message = DialogMessage.parse(await deps.openDialog(deps.dialogUrl));
    if ("error" in message) throw new Error(`sign-in dialog: ${message.error}`);
    return { value: message.accessToken, expiresAt: message.expiresOn };
  };

  return async () => {
    if (!deps.naaSupported) return viaDialog();
    const app = await application();
    const request = {
      scopes: config.scopes,
      ...(deps.loginHint ? { loginHint: deps.loginHint } : {}),
    };
    try {
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      return toCached(
        await app.acquireTokenSilent({ ...request, ...(account ? { account } : {}) }),
      );
    } catch {
      // Consent or a fresh sign-in is needed: interactive next.
    }
    try {
      const result = await app.acquireTokenPopup(request);
      if (result.account) app.setActiveAccount(result.account);
      return toCached(result);
    } catch (error) {
      if (!POPUP_UNAVAILABLE.has(errorCode(error))) throw error;
    }
    return viaDialog();
  };
}
