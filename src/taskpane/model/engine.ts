// The pane's heavier logic, in its own chunk: the invitation block engine, the personal-data
// scanner and the flows that use them. The entry chunk only needs React, Fluent and the API
// client to show the type picker; this chunk is requested at start and arrives alongside.
import { loadFullNameLexicon } from "../../shared/personal-data/name-lexicon-pane";
export { changeMeetingType } from "./flows/change-type";
export { createMeeting, resumeCreate } from "./flows/create";
export { readFacts } from "./flows/read-facts";
export { dismissName, removeName } from "./flows/names";
export { removeMeeting } from "./flows/remove";
export { removeOrphanBlock, restoreBlock, startMeeting } from "./flows/restore";
export { updateTimes } from "./flows/update-times";
export { findInvitationBlock } from "../../shared/invitation";

// The pane knows every given name in SCB's lists; the send check only the core list (its bundle
// has a 40 KiB budget). Loaded with this chunk, so the pane's first JS stays small.
loadFullNameLexicon();
