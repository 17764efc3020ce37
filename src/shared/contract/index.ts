// The booking API's one source of request/response types: the service validates
// with these schemas and the pane parses every answer with them.
export * from "./ids";
export * from "./time";
export * from "./join";
export * from "./booking";
export * from "./meetings";
export * from "./meeting-types";
export * from "./client-config";
export * from "./errors";
export * from "./headers";
export * from "./window";
export * from "./room";
export { isJoinUrl, MEETING_TYPE_IDS } from "./names";
// The item's custom properties (not the API, but read wherever the contract is).
export * from "../appointment-state";
