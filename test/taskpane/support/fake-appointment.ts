import type { BookingSnapshot, PendingCreate } from "../../../src/shared/contract";
import type {
  AppointmentTimes,
  BookingRef,
  ComposeAppointment,
} from "../../../src/taskpane/office/ports";
import { OfficeError } from "../../../src/taskpane/office/office-error";

export interface FakeAppointment extends ComposeAppointment {
  state: {
    subject: string;
    location: string;
    body: string;
    times: AppointmentTimes;
    attendees: string[];
    /** Display names of the organizer and attendees. */
    staffNames: string[];
    notNames: string[];
    sensitivity: "normal" | "private";
    /** The pane, not the user, made it Private (the custom property). */
    markedPrivate: boolean;
    ref: BookingRef | null;
    snapshot: BookingSnapshot | null;
    pending: PendingCreate | null;
    saves: number;
  };
  /** Operation name → how many of its next calls fail. */
  fail: (operation: keyof ComposeAppointment, times?: number) => void;
  writes: string[];
}

/** An in-memory compose appointment for flow tests; any operation can be made to fail. */
export function fakeAppointment(initial: Partial<FakeAppointment["state"]> = {}): FakeAppointment {
  const state: FakeAppointment["state"] = {
    subject: "Uppföljning",
    location: "",
    body: "<html><body><p>Agenda: genomgång av planen.</p></body></html>",
    times: {
      start: new Date("2030-11-27T09:00:00Z"),
      end: new Date("2030-11-27T10:00:00Z"),
      recurrence: null,
    },
    attendees: [],
    staffNames: [],
    notNames: [],
    sensitivity: "normal",
    markedPrivate: false,
    ref: null,
    snapshot: null,
    pending: null,
    saves: 0,
    ...initial,
  };
  const failures = new Map<string, number>();
  const writes: string[] = [];
  const guard = (operation: string) => {
    const left = failures.get(operation) ?? 0;
    if (left > 0) {
      failures.set(operation, left - 1);
      throw new OfficeError(9002, "InternalServerError", `${operation} failed`);
    }
  };
  return {
    state,
    writes,
    fail: (operation, times = 1) => failures.set(operation, times),
    getSubject: async () => (guard("getSubject"), state.subject),
    getLocation: async () => (guard("getLocation"), state.location),
    markPrivate: async () => {
      guard("markPrivate");
      if (state.sensitivity !== "private") state.markedPrivate = true;
      state.sensitivity = "private";
      return true;
    },
    unmarkPrivate: async () => {
      guard("unmarkPrivate");
      if (!state.markedPrivate) return;
      if (state.sensitivity === "private") state.sensitivity = "normal";
      state.markedPrivate = false;
    },
    setSubject: async (value) => {
      guard("setSubject");
      writes.push("subject");
      state.subject = value;
    },
    getStaffNames: async () => (guard("getStaffNames"), state.staffNames),
    loadNotNames: async () => (guard("loadNotNames"), state.notNames),
    addNotName: async (text) => {
      guard("addNotName");
      writes.push("properties");
      state.notNames = [...state.notNames, text.toLowerCase()];
    },
    setLocation: async (value) => {
      guard("setLocation");
      writes.push("location");
      state.location = value;
    },
    getBody: async () => (guard("getBody"), state.body),
    setBody: async (html) => {
      guard("setBody");
      writes.push("body");
      state.body = html;
    },
    getTimes: async () => (guard("getTimes"), state.times),
    getAttendees: async () => (guard("getAttendees"), state.attendees),
    loadBookingRef: async () => (guard("loadBookingRef"), state.ref),
    saveBookingRef: async (ref) => {
      guard("saveBookingRef");
      writes.push("properties");
      state.ref = ref;
      if (ref === null) {
        state.snapshot = null;
        state.markedPrivate = false;
      } else state.pending = null;
    },
    loadPendingCreate: async () => (guard("loadPendingCreate"), state.pending),
    savePendingCreate: async (pending) => {
      guard("savePendingCreate");
      writes.push("pending");
      state.pending = pending;
    },
    saveSnapshot: async (snapshot) => {
      guard("saveSnapshot");
      writes.push("snapshot");
      state.snapshot = snapshot;
    },
    saveItem: async () => {
      guard("saveItem");
      state.saves += 1;
      return true;
    },
    watch: async () => null,
  };
}
