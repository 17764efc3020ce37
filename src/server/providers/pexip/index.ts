export { createPexipProvider } from "./pexip-provider";
export { PexipConfig, type PexipConfigInput } from "./pexip-config";
export {
  toPexipConference,
  pexipJoinData,
  pexipHostUrl,
  vmrName,
  type PexipConferenceInput,
} from "./pexip-mapper";
export { PexipConferenceCreate } from "./pexip-schemas";
export { checkPexipType, pexipCheckPassed, type PexipTypeCheck } from "./settings-check";
