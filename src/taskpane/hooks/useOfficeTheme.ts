import type { Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Environment } from "../environment";
import type { ThemeKind } from "../office/ports";
import { loadTheme, loadedTheme } from "../theme/themes";

/**
 * Outlook's theme now, following OfficeThemeChanged and the system's forced colours. A theme
 * not loaded yet is fetched first; until then the current one stays.
 */
export function useOfficeTheme(
  env: Environment,
  initial: Theme,
): { kind: ThemeKind; theme: Theme } {
  const [state, setState] = useState<{ kind: ThemeKind; theme: Theme }>(() => ({
    kind: env.theme(),
    theme: initial,
  }));
  useEffect(
    () =>
      env.watchTheme((kind) => {
        const ready = loadedTheme(kind);
        if (ready) setState({ kind, theme: ready });
        else void loadTheme(kind).then((theme) => setState({ kind, theme }));
      }),
    [env],
  );
  return state;
}
