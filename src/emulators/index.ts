// The loopback emulators of Pexip Infinity, Microsoft Graph online meetings and Entra ID.
// Only the dev wiring and the tests import this folder; production code never does.
export {
  startPexipEmulator,
  PEXIP_DEV_BASIC,
  type PexipEmulator,
  type PexipEmulatorOptions,
  type PexipState,
  type ParticipantStatus,
} from "./pexip/pexip-emulator";
export { type JoinRequest, type JoinOutcome, LAST_HOST_GRACE_MS } from "./pexip/live";
export { type PexipOAuthClient } from "./pexip/auth";
export { type ConferenceView, type AliasView, type NestedAlias } from "./pexip/store";
export { type EmulatorHandle } from "./emulator-server";
export { type FaultInput, type FaultSpec } from "./faults/fault-spec";
export { type ActiveFault, type FaultBook } from "./faults/fault-book";
export { type Clock } from "./clock";
export { type WindowLimit } from "./window-limiter";
export {
  startEntraEmulator,
  ENTRA_DEFAULTS,
  type EntraEmulator,
  type EntraEmulatorOptions,
  type EntraState,
} from "./entra/entra-emulator";
export { type EntraClient } from "./entra/client-keys";
export { type UserTokenRequest, type UserTokenResponse } from "./entra/user-tokens";
export {
  startGraphEmulator,
  type GraphEmulator,
  type GraphEmulatorOptions,
  type GraphState,
} from "./graph/graph-emulator";
export { type OnlineMeeting } from "./graph/meeting-model";
export {
  type TenantSettings,
  type TenantSettingsInput,
  type AccessPolicyInput,
} from "./graph/tenants";
export { startEmulators, type Emulators, type EmulatorsOptions } from "./all-emulators";
