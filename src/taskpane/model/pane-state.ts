import type { Booking, Invitation, MeetingTypeId, MeetingTypeView } from "../../shared/contract";
import type { MessageKey } from "../i18n";
import type { BookingRef } from "../office/ports";
import { type AppointmentFacts, sameFacts } from "./facts";

/** The long-running things the organizer can start; one at a time. */
export type BusyAction =
  | "create"
  | "changeType"
  | "remove"
  | "restore"
  | "start"
  | "rebookSkype"
  | "removeOrphan"
  | "updateTimes"
  | "removeName"
  | "notName";

/** Where keyboard focus goes after an action (WCAG 2.4.3 focus order). */
export type FocusTarget =
  "bookedHeading" | "typePicker" | "removeButton" | "changeTypeButton" | "status";

export interface StatusMessage {
  tone: "success" | "error" | "info";
  key: MessageKey;
  values?: Record<string, string | number>;
  /** A failure the user can retry from the message itself. */
  retry?: BusyAction;
}

export interface PaneState {
  phase: "loading" | "failed" | "ready";
  loadError: MessageKey | null;
  types: MeetingTypeView[];
  selectedType: MeetingTypeId | null;
  ref: BookingRef | null;
  booking: Booking | null;
  invitation: Invitation | null;
  /** Within a booked meeting: just looking, choosing another type, or confirming removal. */
  view: "summary" | "changeType" | "confirmRemove";
  busy: BusyAction | null;
  status: StatusMessage | null;
  facts: AppointmentFacts | null;
  focus: { target: FocusTarget; seq: number } | null;
}

export const initialPaneState: PaneState = {
  phase: "loading",
  loadError: null,
  types: [],
  selectedType: null,
  ref: null,
  booking: null,
  invitation: null,
  view: "summary",
  busy: null,
  status: null,
  facts: null,
  focus: null,
};

export type PaneAction =
  | {
      type: "loaded";
      types: MeetingTypeView[];
      defaultType: MeetingTypeId;
      ref: BookingRef | null;
      booking: Booking | null;
      invitation: Invitation | null;
      /** A create interrupted by a closed pane was finished while loading. */
      resumed?: boolean;
    }
  | { type: "loadFailed"; error: MessageKey }
  | { type: "reload" }
  | { type: "facts"; facts: AppointmentFacts }
  | { type: "select"; typeId: MeetingTypeId }
  | { type: "begin"; action: BusyAction }
  | {
      type: "booked";
      action: "create" | "changeType" | "restore" | "rebookSkype" | "updateTimes";
      ref: BookingRef;
      booking: Booking;
      invitation: Invitation;
      status: StatusMessage | null;
    }
  | { type: "unbooked"; status: StatusMessage }
  | { type: "done"; status: StatusMessage | null; focus?: FocusTarget }
  /** `focus: null` keeps focus where it is (background work such as a time update). */
  | { type: "failed"; status: StatusMessage; focus?: FocusTarget | null }
  | { type: "view"; view: PaneState["view"] }
  | { type: "dismiss" };

function focusOn(state: PaneState, target: FocusTarget): PaneState["focus"] {
  return { target, seq: (state.focus?.seq ?? 0) + 1 };
}

const FOCUS_AFTER_BOOKED: Record<string, FocusTarget | null> = {
  create: "bookedHeading",
  rebookSkype: "bookedHeading",
  changeType: "bookedHeading",
  restore: "status",
  updateTimes: null,
};

/** The organizer pane's state machine: pure, so every transition is unit-tested. */
export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "loaded": {
      const known = action.types.some((t) => t.id === action.defaultType);
      return {
        ...state,
        phase: "ready",
        loadError: null,
        types: action.types,
        selectedType:
          action.booking?.type ?? (known ? action.defaultType : (action.types[0]?.id ?? null)),
        ref: action.ref,
        booking: action.booking,
        invitation: action.invitation,
        view: "summary",
        ...(action.resumed ? { status: { tone: "success", key: "createResumed" } as const } : {}),
      };
    }
    case "loadFailed":
      return { ...state, phase: "failed", loadError: action.error, busy: null };
    case "reload":
      return { ...initialPaneState, focus: state.focus };
    case "facts":
      return sameFacts(state.facts, action.facts) ? state : { ...state, facts: action.facts };
    case "select":
      return state.busy ? state : { ...state, selectedType: action.typeId };
    case "begin":
      if (state.busy) return state;
      // The confirmation dialog closes as soon as the removal starts.
      return {
        ...state,
        busy: action.action,
        status: null,
        view: action.action === "remove" ? "summary" : state.view,
      };
    case "booked": {
      const target = FOCUS_AFTER_BOOKED[action.action] ?? null;
      return {
        ...state,
        busy: null,
        ref: action.ref,
        booking: action.booking,
        invitation: action.invitation,
        selectedType: action.booking.type,
        view: "summary",
        status: action.status,
        focus: target ? focusOn(state, target) : state.focus,
      };
    }
    case "unbooked":
      return {
        ...state,
        busy: null,
        ref: null,
        booking: null,
        invitation: null,
        view: "summary",
        status: action.status,
        focus: focusOn(state, "typePicker"),
      };
    case "done":
      return {
        ...state,
        busy: null,
        status: action.status,
        focus: action.focus ? focusOn(state, action.focus) : state.focus,
      };
    case "failed":
      return {
        ...state,
        busy: null,
        status: action.status,
        focus: action.focus === null ? state.focus : focusOn(state, action.focus ?? "status"),
      };
    case "view": {
      if (state.busy) return state;
      const selectedType =
        action.view === "summary"
          ? (state.booking?.type ?? state.selectedType)
          : state.selectedType;
      const focus =
        action.view === "summary" && state.view === "confirmRemove"
          ? focusOn(state, "removeButton")
          : action.view === "summary" && state.view === "changeType"
            ? focusOn(state, "changeTypeButton")
            : action.view === "changeType"
              ? focusOn(state, "typePicker")
              : state.focus;
      return { ...state, view: action.view, selectedType, status: null, focus };
    }
    case "dismiss":
      return { ...state, status: null };
  }
}
