// Wires the real Office.js implementations and fetch into what the components use. Tests of the
// components and flows pass their own Environment instead.
import type { ClientConfig, Locale } from "../shared/contract";
import { type PaneApi, createBookingApi } from "./api/client";
import { fetchClientConfig } from "./auth/client-config";
import { SIGN_IN_DIALOG_PATH } from "./auth/dialog-message";
import { createTokenSource } from "./auth/token-source";
import { pickLocale } from "./i18n";
import { preloadBookedView } from "./components/lazy";
import { loadPane } from "./model/flows/load";
import type { PaneServices, ReadServices } from "./model/services";
import { createComposeAppointment } from "./office/compose-appointment";
import { canOpenDialog, openDialog } from "./office/dialog";
import { openInBrowser } from "./office/open-window";
import type { HostInfo, ReadAppointment, ThemeKind } from "./office/ports";
import { createReadAppointment } from "./office/read-appointment";
import { supports } from "./office/requirements";
import { currentThemeKind, watchTheme } from "./office/theme";

export interface Environment {
  host: HostInfo;
  locale: Locale;
  theme: () => ThemeKind;
  watchTheme: (onChange: (kind: ThemeKind) => void) => () => void;
  /** The organizer's services: client config, sign-in and the API client, built once. */
  services: () => Promise<PaneServices>;
  /** The organizer's services in the read form: the same sign-in and client, nothing to edit. */
  readServices: () => Promise<ReadServices>;
  readAppointment: () => ReadAppointment;
  /** The region's join hosts (client-config, no sign-in): the attendee pane checks links with them. */
  joinHosts: () => Promise<readonly string[]>;
}

interface Connection {
  config: ClientConfig;
  api: PaneApi;
}

export function createEnvironment(
  host: HostInfo,
  clientConfig: Promise<ClientConfig>,
): Environment {
  const locale = pickLocale(host.displayLanguage);
  let configuration: Promise<ClientConfig> | null = clientConfig;
  const config = (): Promise<ClientConfig> => (configuration ??= fetchClientConfig());
  // Sign-in and the API client, shared by both forms' panes.
  const connect = async (): Promise<Connection> => {
    const settings = await config();
    const getToken = createTokenSource(settings, {
      userEmail: host.userEmail,
      fetch: (input, init) => fetch(input, init),
      naaSupported: supports("NestedAppAuth", "1.1"),
      openDialog: canOpenDialog() ? openDialog : null,
      dialogUrl: `${location.origin}${SIGN_IN_DIALOG_PATH}?login_hint=${encodeURIComponent(host.userEmail)}`,
    });
    return { config: settings, api: createBookingApi({ baseUrl: settings.apiBaseUrl, getToken }) };
  };
  const build = async (): Promise<PaneServices> => {
    const { config: settings, api } = await connect();
    const services: PaneServices = {
      appointment: createComposeAppointment(),
      api,
      room: api,
      locale,
      config: settings,
      userEmail: host.userEmail,
      openInBrowser,
    };
    // Sign-in, meeting types and the booking are fetched now, not after the first render; the
    // booked view's code comes alongside when the item names a booking.
    void services.appointment.loadBookingRef().then(
      (ref) => ref && preloadBookedView(),
      () => {},
    );
    const preloaded = loadPane(services);
    preloaded.catch(() => {});
    return { ...services, preloaded };
  };
  /** Built once; a failed start (service unreachable) may be retried from the pane. */
  function once<T>(make: () => Promise<T>): () => Promise<T> {
    let pending: Promise<T> | null = null;
    return () => {
      pending ??= make();
      pending.catch(() => {
        pending = null;
        configuration = null;
      });
      return pending;
    };
  }
  return {
    host,
    locale,
    theme: currentThemeKind,
    watchTheme,
    services: once(build),
    readServices: once(async () => ({ api: (await connect()).api, locale, openInBrowser })),
    readAppointment: () => createReadAppointment(),
    joinHosts: async () => (await config()).joinHosts,
  };
}

/** Started before Office.js is ready, so the first round trip overlaps Office's start-up. */
export function prefetchClientConfig(): Promise<ClientConfig> {
  const pending = fetchClientConfig();
  pending.catch(() => {});
  return pending;
}
