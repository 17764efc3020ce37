// The appointment behind the harness page, shared by everything that plays a part of Outlook:
// the page's form (the user), the fake Office.js in the task pane's iframe and in the launch-event
// runtime's iframe (the add-in). Every change is announced to subscribers, which is how the fake
// raises Office's item events and the page re-renders. Values cross realms, so everything in and
// out is plain JSON; the fake copies it into its own realm.
import { insertIntoBody, normalizeBody, contentHtml } from "../html/clients";
import { textToHtml } from "../html/text";
import { fail, ok, type StoreResult } from "./errors";
import { requirementsOf, type HarnessSettings, type Requirements } from "./settings";
import {
  AppointmentState,
  ORGANIZATION_DOMAIN,
  type Attendee,
  type JsonRecord,
  type StoredNotification,
  type StoredRecurrence,
} from "./state";
import { syncSeriesTime, timesFromSeries } from "./recurrence";

/** Who made a change: the user in the page's form, or an add-in session (pane, events runtime). */
export type Actor = "user" | `session-${number}`;
export type SessionKind = "pane" | "events" | "dialog";
export type AttendeeField = "requiredAttendees" | "optionalAttendees";
export type Theme = HarnessSettings["theme"];

export type StoreChange =
  | { kind: "subject" | "location" | "time" | "recurrence" | "body"; by: Actor }
  | { kind: "recipients"; by: Actor; fields: Record<AttendeeField, boolean> }
  | { kind: "notifications" | "customProperties" | "saved" | "sent" | "reset"; by: Actor }
  | { kind: "theme"; by: Actor; theme: Theme };

/** A launch-event runtime (the commands iframe) that runs functions it associated. */
export interface EventRuntime {
  /** Resolves with the options passed to event.completed (JSON), or rejects if it threw. */
  invoke(name: string, init: JsonRecord): Promise<JsonRecord | undefined>;
}

/** Where the page lets the store insert at the user's caret (setSelectedDataAsync). */
export interface CaretAdapter {
  /** The editable content with `fragment` inserted at the caret, or null when there is none. */
  insertAtCaret(content: string, fragment: string): string | null;
}

type Listener = (change: StoreChange) => void;

export const MAX_BODY_CHARS = 1_000_000;
export const MAX_SUBJECT_CHARS = 255;
export const MAX_LOCATION_CHARS = 255;
export const MAX_RECIPIENTS_PER_CALL = 100;
export const MAX_NOTIFICATIONS = 5;

export class HarnessStore {
  readonly settings: HarnessSettings;
  readonly requirements: Requirements;
  theme: Theme;
  caret: CaretAdapter | null = null;
  private state: AppointmentState;
  private readonly listeners = new Set<Listener>();
  private nextSession = 1;
  private readonly sessions = new Map<Actor, SessionKind>();
  /** Classic Outlook: custom properties saved in a session, not yet persisted by an item save. */
  private readonly pendingProperties = new Map<Actor, JsonRecord>();
  private readonly actions = new Map<string, Actor>();
  private readonly runtimes = new Map<Actor, EventRuntime>();
  /** Where setSelectedDataAsync lands: Outlook inserts at the top until the body was focused. */
  private cursor: "top" | "start" | "end" | "user" = "top";

  constructor(settings: HarnessSettings, initial: AppointmentState) {
    this.settings = settings;
    this.requirements = requirementsOf(settings);
    this.theme = settings.theme;
    this.state = AppointmentState.parse(initial);
  }

  /** A deep copy of the appointment, for readers that must not touch the live state. */
  snapshot(): AppointmentState {
    return structuredClone(this.state);
  }

  /**
   * The live appointment, for readers that copy what they hand on (the fake does, into its own
   * realm): no deep copy of a body near 1 MB on every getAsync.
   */
  peek(): Readonly<AppointmentState> {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // A listener from a closed pane (its realm is gone) must not break the others.
        console.warn("harness: a listener failed and was removed", error);
        this.listeners.delete(listener);
      }
    }
  }

  private changed(change: StoreChange): void {
    if (change.kind !== "theme" && change.kind !== "notifications") this.state.dirty = true;
    this.emit(change);
  }

  // Sessions: each pane load, the launch-event runtime, a dialog.

  openSession(kind: SessionKind): Actor {
    const id: Actor = `session-${this.nextSession++}`;
    this.sessions.set(id, kind);
    return id;
  }

  closeSession(id: Actor): void {
    this.sessions.delete(id);
    this.pendingProperties.delete(id);
    this.runtimes.delete(id);
    for (const [name, owner] of this.actions) if (owner === id) this.actions.delete(name);
  }

  registerRuntime(id: Actor, runtime: EventRuntime): void {
    this.runtimes.set(id, runtime);
  }

  /** Office.actions.associate: the latest association of a name wins, as in Office. */
  associate(id: Actor, name: string): void {
    this.actions.set(name, id);
  }

  isAssociated(name: string): boolean {
    const owner = this.actions.get(name);
    return owner !== undefined && this.runtimes.has(owner);
  }

  /** Runs an associated launch-event function; undefined when nothing is associated. */
  invokeAction(name: string, init: JsonRecord): Promise<JsonRecord | undefined> | undefined {
    const owner = this.actions.get(name);
    const runtime = owner && this.runtimes.get(owner);
    return runtime ? runtime.invoke(name, init) : undefined;
  }

  // Simple fields.

  setSubject(value: string, by: Actor): StoreResult<void> {
    if (value.length > MAX_SUBJECT_CHARS) return fail("DataExceedsMaximumSize");
    if (value === this.state.subject) return ok(undefined);
    this.state.subject = value;
    this.changed({ kind: "subject", by });
    return ok(undefined);
  }

  setSensitivity(value: AppointmentState["sensitivity"], by: Actor): StoreResult<void> {
    if (value === this.state.sensitivity) return ok(undefined);
    this.state.sensitivity = value;
    this.changed({ kind: "subject", by });
    return ok(undefined);
  }

  setLocation(value: string, by: Actor): StoreResult<void> {
    if (value.length > MAX_LOCATION_CHARS) return fail("DataExceedsMaximumSize");
    if (value === this.state.location) return ok(undefined);
    this.state.location = value;
    this.changed({ kind: "location", by });
    return ok(undefined);
  }

  /**
   * Time.setAsync: setting the start keeps the duration (the end moves with it); setting the
   * end changes the duration and may not put it before the start (InvalidEndTime).
   */
  setTimes(times: { start?: string; end?: string }, by: Actor): StoreResult<void> {
    const oldStart = Date.parse(this.state.start);
    const oldEnd = Date.parse(this.state.end);
    let start = oldStart;
    let end = oldEnd;
    if (times.start !== undefined) {
      start = Date.parse(times.start);
      end = times.end === undefined ? start + (oldEnd - oldStart) : end;
    }
    if (times.end !== undefined) end = Date.parse(times.end);
    if (!Number.isFinite(start) || !Number.isFinite(end)) return fail("InvalidParameterValueError");
    if (end < start) return fail("InvalidEndTime");
    if (start === oldStart && end === oldEnd) return ok(undefined);
    this.state.start = new Date(start).toISOString();
    this.state.end = new Date(end).toISOString();
    if (this.state.recurrence)
      this.state.recurrence = syncSeriesTime(this.state.recurrence, start, end);
    this.changed({ kind: "time", by });
    return ok(undefined);
  }

  setRecurrence(recurrence: StoredRecurrence | null, by: Actor): StoreResult<void> {
    if (recurrence) {
      const { startDate, endDate } = recurrence.seriesTime;
      if (endDate !== null && endDate < startDate) return fail("InvalidEndTime");
    }
    this.state.recurrence = recurrence;
    if (recurrence) {
      const times = timesFromSeries(recurrence);
      const moved = times.start !== this.state.start || times.end !== this.state.end;
      this.state.start = times.start;
      this.state.end = times.end;
      if (moved) this.emit({ kind: "time", by });
    }
    this.changed({ kind: "recurrence", by });
    return ok(undefined);
  }

  setAttendees(field: AttendeeField, list: Attendee[], by: Actor): StoreResult<void> {
    if (list.length > MAX_RECIPIENTS_PER_CALL && by !== "user")
      return fail("NumberOfRecipientsExceeded");
    const before = JSON.stringify(this.state[field]);
    this.state[field] = list.map((a) => ({ ...a }));
    if (JSON.stringify(this.state[field]) === before) return ok(undefined);
    const fields = { requiredAttendees: false, optionalAttendees: false, [field]: true };
    this.changed({ kind: "recipients", by, fields });
    return ok(undefined);
  }

  addAttendees(field: AttendeeField, list: Attendee[], by: Actor): StoreResult<void> {
    if (list.length > MAX_RECIPIENTS_PER_CALL) return fail("NumberOfRecipientsExceeded");
    return this.setAttendees(field, [...this.state[field], ...list], by);
  }

  // Body.

  /** Body.setAsync / prependAsync / setSelectedDataAsync, through the client's editor. */
  writeBody(
    data: string,
    coercion: "html" | "text",
    where: "all" | "start" | "selection",
    by: Actor,
  ): StoreResult<void> {
    if (data.length > MAX_BODY_CHARS) return fail("DataExceedsMaximumSize");
    if (coercion === "html" && this.state.body.type === "text") return fail("InvalidFormatError");
    const fragment = coercion === "text" ? textToHtml(data) : data;
    const client = this.settings.client;
    const current = this.state.body.value;
    if (where === "all") {
      this.state.body.value = normalizeBody(client, fragment);
      // The caret ends up at the start in classic Outlook and on Mac, at the end on the web.
      this.cursor = client === "web" ? "end" : "start";
    } else if (where === "start") {
      this.state.body.value = insertIntoBody(client, current, fragment, "start");
    } else {
      const atCaret =
        this.cursor === "user" ? this.caret?.insertAtCaret(contentHtml(current), fragment) : null;
      this.state.body.value = atCaret
        ? normalizeBody(client, atCaret)
        : insertIntoBody(client, current, fragment, this.cursor === "end" ? "end" : "start");
    }
    this.changed({ kind: "body", by });
    return ok(undefined);
  }

  /** The user typed in the editor: the client's editor serializes it its own way. */
  editBodyContent(content: string): void {
    this.state.body.value = normalizeBody(this.settings.client, content);
    this.cursor = "user";
    this.changed({ kind: "body", by: "user" });
  }

  /** The raw-HTML view: stored exactly as typed (the escape hatch for odd bodies). */
  setRawBody(html: string): void {
    this.state.body.value = html;
    this.changed({ kind: "body", by: "user" });
  }

  setBodyType(type: "html" | "text"): void {
    this.state.body.type = type;
  }

  focusBody(): void {
    this.cursor = "user";
  }

  // Custom properties: per add-in and item; classic Outlook keeps a set only after an item save.

  /**
   * The read form shows an attendee their own copy of the item (its own, empty custom
   * properties); the organizer reading their appointment sees theirs.
   */
  private readsAttendeeCopy(): boolean {
    if (this.settings.mode !== "attendee") return false;
    const user = `${this.settings.user}@${ORGANIZATION_DOMAIN}`;
    return this.state.organizer.emailAddress.toLowerCase() !== user;
  }

  loadCustomProperties(by: Actor): JsonRecord {
    if (this.readsAttendeeCopy()) return structuredClone(this.state.attendeeCustomProperties);
    const pending = this.pendingProperties.get(by);
    return structuredClone(pending ?? this.state.customProperties);
  }

  saveCustomProperties(by: Actor, values: JsonRecord): void {
    const copy = structuredClone(values);
    if (this.readsAttendeeCopy()) this.state.attendeeCustomProperties = copy;
    else if (this.settings.client === "classic") this.pendingProperties.set(by, copy);
    else this.state.customProperties = copy;
    this.changed({ kind: "customProperties", by });
  }

  /** item.saveAsync (by a session) or the Spara button (the user): returns the item id. */
  saveItem(by: Actor): string {
    this.persistPending(by);
    this.state.itemId ??= newItemId();
    this.state.dirty = false;
    this.emit({ kind: "saved", by });
    return this.state.itemId;
  }

  markSent(): void {
    this.persistPending("user");
    this.state.itemId ??= newItemId();
    this.state.sent = true;
    this.state.dirty = false;
    this.emit({ kind: "sent", by: "user" });
  }

  private persistPending(by: Actor): void {
    const sessions = by === "user" ? [...this.pendingProperties.keys()] : [by];
    for (const id of sessions) {
      const pending = this.pendingProperties.get(id);
      if (pending) this.state.customProperties = pending;
      this.pendingProperties.delete(id);
    }
  }

  // Notifications (the info bar above the form).

  addNotification(note: StoredNotification, replace: boolean, by: Actor): StoreResult<void> {
    const list = this.state.notifications;
    const index = list.findIndex((n) => n.key === note.key);
    if (index >= 0 && !replace) return fail("DuplicateNotificationKey");
    if (index < 0 && list.length >= MAX_NOTIFICATIONS)
      return fail("NumberOfNotificationMessagesExceeded");
    if (index >= 0) list[index] = { ...note };
    else list.push({ ...note });
    this.changed({ kind: "notifications", by });
    return ok(undefined);
  }

  removeNotification(key: string, by: Actor): StoreResult<void> {
    const before = this.state.notifications.length;
    this.state.notifications = this.state.notifications.filter((n) => n.key !== key);
    if (this.state.notifications.length === before) return fail("NotificationKeyNotFound");
    this.changed({ kind: "notifications", by });
    return ok(undefined);
  }

  setRoamingSettings(values: JsonRecord): void {
    this.state.roamingSettings = structuredClone(values);
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.emit({ kind: "theme", by: "user", theme });
  }

  /** Starts over with a new appointment (the harness's reset). */
  reset(state: AppointmentState): void {
    this.state = AppointmentState.parse(state);
    this.pendingProperties.clear();
    this.cursor = "top";
    this.emit({ kind: "reset", by: "user" });
  }
}

/** An EWS-style item id: opaque base64, as saveAsync returns it. */
function newItemId(): string {
  const bytes = new Uint8Array(48);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `AAMkAD${btoa(binary)}`;
}
