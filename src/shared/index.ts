// The shared core: pure TypeScript, no I/O, no DOM. Imported by the task pane, the
// launch-event bundle and the booking service alike.
export * from "./policy";
export * from "./contract";
export * from "./invitation";
export * from "./personal-data";
