// Wires the real Office.js implementations and fetch into what the components use. Tests of the
// components and flows pass their own Environment instead.
import type { ClientConfig, Locale } from "../shared/contract";
import { createBookingApi } from "./api/client";
import { createRoomApi } from "./api/room";
import { fetchClientConfig } from "./auth/client-config";
import { SIGN_IN_DIALOG_PATH } from "./auth/dialog-message";
import { createTokenSource } from "./auth/token-source";
import { pickLocale } from "./i18n";
import { preloadBookedView } from "./components/lazy";
import { loadPane } from "./model/flows/load";
import type { PaneServices } from "./model/services";
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
  readAppointment: () => ReadAppointment;
  /** The region's join hosts (client-config, no sign-in): the attendee pane checks links with them. */
  joinHosts: () => Promise<readonly string[]>;
}

export function createEnvironment(
  host: HostInfo,
  clientConfig: Promise<ClientConfig>,
): Environment {
  const locale = pickLocale(host.displayLanguage);
  let services: Promise<PaneServices> | null = null;
  let configuration: Promise<ClientConfig> | null = clientConfig;
  const build = async (): Promise<PaneServices> => {
    configuration ??= fetchClientConfig();
    const config = await configuration;
    const getToken = createTokenSource(config, {
      userEmail: host.userEmail,
      fetch: (input, init) => fetch(input, init),
      naaSupported: supports("NestedAppAuth", "1.1"),
      openDialog: canOpenDialog() ? openDialog : null,
      dialogUrl: `${location.origin}${SIGN_IN_DIALOG_PATH}?login_hint=${encodeURIComponent(host.userEmail)}`,
    });
    const services: PaneServices = {
      appointment: createComposeAppointment(),
      api: createBookingApi({ baseUrl: config.apiBaseUrl, getToken }),
      room: createRoomApi({ baseUrl: config.apiBaseUrl, getToken }),
      locale,
      config,
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
  return {
    host,
    locale,
    theme: currentThemeKind,
    watchTheme,
    services: () => {
      services ??= build();
      // A failed start (service unreachable) may be retried from the pane.
      services.catch(() => {
        services = null;
        configuration = null;
      });
      return services;
    },
    readAppointment: () => createReadAppointment(),
    joinHosts: async () => {
      configuration ??= fetchClientConfig();
      return (await configuration).joinHosts;
    },
  };
}

/** Started before Office.js is ready, so the first round trip overlaps Office's start-up. */
export function prefetchClientConfig(): Promise<ClientConfig> {
  const pending = fetchClientConfig();
  pending.catch(() => {});
  return pending;
}
