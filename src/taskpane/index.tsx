import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { officeReady } from "./office/host";

async function main(): Promise<void> {
  const host = await officeReady();
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  document.documentElement.lang = host.displayLanguage.toLowerCase().startsWith("sv") ? "sv" : "en";
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

void main();
