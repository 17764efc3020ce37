// The invitation block: render, find, replace and remove it in Outlook-rewritten HTML bodies.
export * from "./escape";
