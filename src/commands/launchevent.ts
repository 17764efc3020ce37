// Launch-event handlers, registered with Office.actions.associate. This file is bundled into
// ONE self-contained script (dist/launchevent.js) because classic Outlook on Windows runs it in
// a JavaScript-only runtime: no imports, no DOM, no localStorage, and Office.onReady never runs,
// so registration happens at the top level.
//
// The send check and the time/attendee handlers are built by the send-check issue; until then
// the handlers let Outlook go on, so an admin-deployed manifest can never block a user.

function onAppointmentSend(event: Office.AddinCommands.Event): void {
  event.completed({ allowEvent: true });
}

function onAppointmentTimeChanged(event: Office.AddinCommands.Event): void {
  event.completed();
}

function onAppointmentAttendeesChanged(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.actions.associate("onAppointmentSend", onAppointmentSend);
Office.actions.associate("onAppointmentTimeChanged", onAppointmentTimeChanged);
Office.actions.associate("onAppointmentAttendeesChanged", onAppointmentAttendeesChanged);
