import {
  Body1,
  FluentProvider,
  type Theme,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import { AttendeePane } from "./components/AttendeePane";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { OrganizerBoot } from "./components/OrganizerBoot";
import { ReadOrganizerPane } from "./components/ReadOrganizerPane";
import type { Environment } from "./environment";
import { useOfficeTheme } from "./hooks/useOfficeTheme";
import { type Catalogue, translator } from "./i18n";
import { I18nContext } from "./i18n/context";
import { mark } from "./marks";

export interface AppProps {
  env: Environment;
  /** Outlook's theme at start, already loaded. */
  initialTheme: Theme;
  /** The catalogue of Outlook's language, already loaded. */
  messages: Catalogue;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  main: {
    display: "grid",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "40rem",
  },
  title: { margin: 0 },
});

/** The pane's shell: Outlook's theme and language, then the organizer's or attendee's view. */
export function App({ env, initialTheme, messages }: AppProps) {
  const styles = useStyles();
  const { kind, theme } = useOfficeTheme(env, initialTheme);
  useEffect(() => mark("first-render"), []);
  const i18n = useMemo(
    () => ({ locale: env.locale, t: translator(messages) }),
    [env.locale, messages],
  );
  const { t } = i18n;
  const { host } = env;
  const readAppointment = useMemo(
    () => (host.inOutlook && host.form === "read" ? env.readAppointment() : null),
    [env, host],
  );
  return (
    <FluentProvider theme={theme} className={styles.provider} data-theme={kind}>
      <I18nContext.Provider value={i18n}>
        <main className={styles.main} aria-labelledby="app-title">
          <Title3 as="h1" id="app-title" className={styles.title}>
            {t("appTitle")}
          </Title3>
          <ErrorBoundary message={t("errPane")}>
            {!host.inOutlook ? (
              <Body1 role="status">{t("openFromOutlook")}</Body1>
            ) : readAppointment && host.mode === "organizer" ? (
              <ReadOrganizerPane env={env} appointment={readAppointment} />
            ) : readAppointment ? (
              <AttendeePane appointment={readAppointment} joinHosts={env.joinHosts} />
            ) : (
              <OrganizerBoot env={env} />
            )}
          </ErrorBoundary>
        </main>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
