// Checks of the appointment shared by the task pane and the send check: one rule, one place,
// one set of words.
export * from "./participants";
export * from "./times";
export * from "./outside-attendees";
export * from "./messages";
export * from "./appointment-checks";
