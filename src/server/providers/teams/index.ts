export { createTeamsProvider } from "./teams-provider";
export { TeamsConfig, type TeamsConfigInput } from "./teams-config";
export {
  toGraphMeetingSettings,
  toGraphCreateOnly,
  graphTimes,
  teamsJoinData,
  unappliedSettings,
} from "./teams-mapper";
export { accessPolicyHint } from "./graph-errors";
export { certificateX5t, entraAuth } from "./entra-token";
export { GraphMeetingSettings, GraphCreateOnly } from "./graph-schemas";
export {
  UNCERTAIN_V1_SETTINGS,
  checkTeamsType,
  checkPassed,
  describeProbeFailure,
  probeUncertainSettings,
  sentSettings,
  type TypeCheck,
} from "./settings-check";
export { createGraphApi, type GraphApi } from "./graph-api";
