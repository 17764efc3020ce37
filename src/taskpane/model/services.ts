import type {
  Booking,
  ClientConfig,
  Invitation,
  Locale,
  MeetingTypesResponse,
} from "../../shared/contract";
import type { BookingApi, PaneApi } from "../api/client";
import type { RoomApi } from "../api/room";
import type { BookingRef, ComposeAppointment } from "../office/ports";

/** What the pane shows first (flows/load.ts): the meeting types and the item's booking, if any. */
export interface Loaded {
  types: MeetingTypesResponse;
  ref: BookingRef | null;
  booking: Booking | null;
  invitation: Invitation | null;
  /** The booking was finished now: a create whose pane was closed before it was written. */
  resumed?: boolean;
}

/** Everything the organizer pane's flows need; the app wires Office and fetch, tests pass fakes. */
export interface PaneServices {
  appointment: ComposeAppointment;
  api: BookingApi;
  /** The waiting room (Väntrum); absent in tests and hosts that do not show it. */
  room?: RoomApi;
  locale: Locale;
  config: Pick<ClientConfig, "organisationDomains" | "consumerEmailDomains">;
  userEmail: string;
  openInBrowser: (url: string) => void;
  /**
   * The first load, started while React renders its first frame (see environment.ts); the pane
   * uses it once instead of loading again.
   */
  preloaded?: Promise<Loaded>;
}

/**
 * What the organizer's pane needs in the read form (a booked appointment opened to read): the
 * API client and a browser window, nothing that edits the item.
 */
export interface ReadServices {
  api: PaneApi;
  locale: Locale;
  openInBrowser: (url: string) => void;
}
