// The appointment's state in its custom properties: names, format and version, parse and write.
// Free of classic zod (the launch-event bundle imports it).
export * from "./names";
export * from "./schema";
export * from "./not-names";
export * from "./state";
export * from "./pending-create";
