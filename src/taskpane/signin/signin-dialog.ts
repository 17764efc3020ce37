// The Office dialog fallback of sign-in: runs when neither nested app authentication
// nor a popup works. A plain MSAL redirect sign-in on the pane's own origin; the access token goes
// back to the pane with messageParent and the dialog closes. MSAL keeps its state in this
// dialog's sessionStorage only for the redirect round trip; the window is gone afterwards.
import type { PublicClientApplication } from "@azure/msal-browser";
import { fetchClientConfig } from "../auth/client-config";
import { SIGN_IN_DIALOG_PATH } from "../auth/dialog-message";
import type { DialogMessage } from "../auth/dialog-message";
import { messageParent } from "../office/dialog";
import { officeReady } from "../office/host";

function reply(message: DialogMessage): void {
  messageParent(message);
}

async function signIn(): Promise<void> {
  await officeReady();
  const config = await fetchClientConfig();
  if (config.signIn.kind !== "msal") {
    reply({ error: "the service does not use Entra ID sign-in" });
    return;
  }
  const { scopes, clientId, authority } = config.signIn;
  const msal = await import(/* webpackChunkName: "msal" */ "@azure/msal-browser");
  const app: PublicClientApplication = new msal.PublicClientApplication({
    auth: { clientId, authority, redirectUri: `${location.origin}${SIGN_IN_DIALOG_PATH}` },
    cache: { cacheLocation: "sessionStorage" },
  });
  await app.initialize();
  const result = await app.handleRedirectPromise();
  const account = result?.account ?? app.getAllAccounts()[0];
  if (result?.accessToken && result.scopes.some((scope) => scopes.includes(scope))) {
    reply({
      accessToken: result.accessToken,
      expiresOn: result.expiresOn?.getTime() ?? Date.now() + 300_000,
    });
    return;
  }
  if (account) {
    try {
      const silent = await app.acquireTokenSilent({ scopes, account });
      reply({
        accessToken: silent.accessToken,
        expiresOn: silent.expiresOn?.getTime() ?? Date.now() + 300_000,
      });
      return;
    } catch {
      // Fall through to the interactive redirect.
    }
  }
  const loginHint = new URLSearchParams(location.search).get("login_hint") ?? undefined;
  await app.acquireTokenRedirect({ scopes, ...(loginHint ? { loginHint } : {}) });
}

signIn().catch((error: unknown) => {
  const status = document.getElementById("status");
  if (status) status.textContent = "Inloggningen misslyckades. Stäng fönstret och försök igen.";
  reply({ error: error instanceof Error ? error.name : "sign-in failed" });
});
