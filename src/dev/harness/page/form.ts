// The appointment form's fields (Ämne, Plats, Privat, Start, Slut, Upprepning, Deltagare): user edits go
// to the store as "user" changes (which raise the item and launch events); changes made by the
// add-in are shown here, except in the field the user is typing in.
import { simpleRecurrence } from "../store/recurrence";
import { formatAttendeeLine, parseAttendeeLine, type Attendee } from "../store/state";
import type { HarnessStore } from "../store/store";
import { byId, fromLocalInput, show, toLocalInput } from "./dom";

export function bindForm(store: HarnessStore): void {
  const subject = byId<HTMLInputElement>("subject");
  const location = byId<HTMLInputElement>("location");
  const start = byId<HTMLInputElement>("start");
  const end = byId<HTMLInputElement>("end");
  const endError = byId("end-error");
  const recurrence = byId<HTMLSelectElement>("recurrence");
  const recurrenceEnd = byId<HTMLInputElement>("recurrence-end");
  const attendees = byId<HTMLTextAreaElement>("attendees");
  const privateBox = byId<HTMLInputElement>("private");
  const readOnly = store.settings.mode === "attendee";

  subject.maxLength = 255;
  location.maxLength = 255;
  for (const input of [subject, location, start, end, recurrenceEnd, attendees])
    input.readOnly = readOnly;
  recurrence.disabled = readOnly;
  privateBox.disabled = readOnly;
  if (readOnly) byId("form-title").textContent = "Möte";

  subject.addEventListener("input", () => store.setSubject(subject.value, "user"));
  location.addEventListener("input", () => store.setLocation(location.value, "user"));
  privateBox.addEventListener("change", () =>
    store.setSensitivity(privateBox.checked ? "private" : "normal", "user"),
  );

  start.addEventListener("change", () => {
    const iso = fromLocalInput(start.value);
    if (iso) store.setTimes({ start: iso }, "user"); // Outlook moves Slut along
    showEndError(null);
  });
  end.addEventListener("change", () => {
    const iso = fromLocalInput(end.value);
    if (!iso) return;
    const result = store.setTimes({ end: iso }, "user");
    showEndError(result.ok ? null : "Slut kan inte vara före Start.");
  });
  const showEndError = (message: string | null): void => {
    endError.hidden = message === null;
    endError.textContent = message ?? "";
    end.setAttribute("aria-invalid", String(message !== null));
  };

  const applyRecurrence = (): void => {
    const state = store.peek();
    const type = recurrence.value;
    recurrenceEnd.disabled = readOnly || type === "none";
    if (type !== "daily" && type !== "weekly") {
      if (state.recurrence) store.setRecurrence(null, "user");
      return;
    }
    store.setRecurrence(
      simpleRecurrence(type, state.start, state.end, recurrenceEnd.value || null),
      "user",
    );
  };
  recurrence.addEventListener("change", applyRecurrence);
  recurrenceEnd.addEventListener("change", applyRecurrence);

  attendees.addEventListener("change", () => {
    const list = attendees.value
      .split("\n")
      .map(parseAttendeeLine)
      .filter((a): a is Attendee => a !== null);
    store.setAttendees("requiredAttendees", list, "user");
  });

  const render = (): void => {
    const state = store.peek();
    show(subject, state.subject);
    show(location, state.location);
    privateBox.checked = state.sensitivity === "private";
    show(start, toLocalInput(state.start));
    show(end, toLocalInput(state.end));
    const type = state.recurrence?.recurrenceType ?? "none";
    if (document.activeElement !== recurrence)
      recurrence.value = type === "daily" || type === "weekly" ? type : "none";
    recurrenceEnd.disabled = readOnly || !state.recurrence;
    show(recurrenceEnd, state.recurrence?.seriesTime.endDate ?? "");
    show(attendees, state.requiredAttendees.map(formatAttendeeLine).join("\n"));
  };
  store.subscribe(render);
  render();
}
