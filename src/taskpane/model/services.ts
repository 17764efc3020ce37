import type { ClientConfig, Locale } from "../../shared/contract";
import type { BookingApi } from "../api/client";
import type { ComposeAppointment } from "../office/ports";

/** Everything the organizer pane's flows need; the app wires Office and fetch, tests pass fakes. */
export interface PaneServices {
  appointment: ComposeAppointment;
  api: BookingApi;
  locale: Locale;
  config: Pick<ClientConfig, "organisationDomains" | "consumerEmailDomains">;
  userEmail: string;
  openInBrowser: (url: string) => void;
}
