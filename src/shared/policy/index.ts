// The region's meeting-type policy: which types exist, their words, service and protection.
export * from "./schema";
export * from "./template";
export * from "./parse";
export * from "./default-policy";
export * from "./view";
