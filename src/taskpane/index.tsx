import { createRoot } from "react-dom/client";
import { App } from "./App";
import { preloadLazyParts } from "./components/lazy";
import { createEnvironment, prefetchClientConfig } from "./environment";
import { loadEngine } from "./model/load-engine";
import { loadTheme } from "./theme/themes";
import { officeReady } from "./office/host";

async function main(): Promise<void> {
  const clientConfig = prefetchClientConfig();
  void loadEngine().catch(() => {});
  const host = await officeReady();
  const env = createEnvironment(host, clientConfig);
  const initialTheme = await loadTheme(env.theme());
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  document.documentElement.lang = env.locale;
  createRoot(container).render(<App env={env} initialTheme={initialTheme} />);
  preloadLazyParts();
}

void main();
