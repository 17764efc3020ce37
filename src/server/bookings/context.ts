// The booking operations' building blocks used to live here together; they are now in deps.ts,
// time.ts, audit.ts, meeting-type.ts and the provider registry. This file only re-exports them
// for src/server/jobs, whose imports move over separately (another change is open there).
import { getProvider } from "../providers/registry";
import type { VideoProvider } from "../providers/video-provider";
import type { BookingDeps } from "./deps";

export type { Providers } from "../providers/registry";
export { type BookingDeps, newOwner } from "./deps";
export { audit, outcomeOf } from "./audit";
export { requireType } from "./meeting-type";
export { cleanupAt, iso, later } from "./time";

/** `getProvider(deps.providers, service)`, under the name the jobs use. */
export function providerFor(deps: BookingDeps, service: string): VideoProvider {
  return getProvider(deps.providers, service);
}
