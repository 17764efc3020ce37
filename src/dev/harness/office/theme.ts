// Office.context.officeTheme per harness theme. Outlook reports colours only (no "high contrast"
// flag): high contrast shows as black/white with yellow controls, as Windows' contrast themes do.
import type { Theme } from "../store/store";

export interface FakeOfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
}

const THEMES: Record<Theme, FakeOfficeTheme> = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#242424",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#242424",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#292929",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#1F1F1F",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
  contrast: {
    bodyBackgroundColor: "#000000",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#000000",
    controlForegroundColor: "#FFFF00",
    isDarkTheme: true,
  },
};

export function officeTheme(theme: Theme): FakeOfficeTheme {
  return { ...THEMES[theme] };
}
