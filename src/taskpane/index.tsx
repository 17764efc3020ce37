import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createEnvironment, prefetchClientConfig } from "./environment";
import { loadCatalogue } from "./i18n";
import { loadTheme } from "./theme/themes";
import { mark } from "./marks";
import { officeReady } from "./office/host";

async function main(): Promise<void> {
  mark("start");
  const clientConfig = prefetchClientConfig();
  const host = await officeReady();
  mark("office-ready");
  const env = createEnvironment(host, clientConfig);
  // Sign-in and the first API calls start now, overlapping React's first render. The engine and
  // warnings chunks follow once the pane is usable, so they never compete with getting there.
  // (The read form signs in only once the item turns out to name a booking.)
  if (host.inOutlook && host.form === "compose") void env.services().catch(() => {});
  const [initialTheme, messages] = await Promise.all([
    loadTheme(env.theme()),
    loadCatalogue(env.locale),
  ]);
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  document.documentElement.lang = env.locale;
  createRoot(container).render(<App env={env} initialTheme={initialTheme} messages={messages} />);
  // The pane has started: taskpane.html's fallback for a pane that cannot start is not needed.
  document.getElementById("boot-failed")?.remove();
}

/** Set by taskpane.html's inline script: shows its "cannot start" message in place of a blank pane. */
interface BootFallback {
  svmBootFailed?: () => void;
}

main().catch((error: unknown) => {
  (window as Window & BootFallback).svmBootFailed?.();
  throw error;
});
