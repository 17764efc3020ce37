// Aliases and PINs come from the CSPRNG: an alias is what a stranger would have to guess to reach
// the lobby, a host PIN is what lets someone run the meeting.
import type { PexipConfig } from "./pexip-config";

export type RandomInt = (max: number) => number;

export function randomDigits(length: number, randomInt: RandomInt): string {
  let digits = "";
  for (let i = 0; i < length; i += 1) digits += String(randomInt(10));
  return digits;
}

/** Prefix + random digits up to the configured length (≥ 5 random digits by the schema). */
export function newAlias(
  config: Pick<PexipConfig, "aliasPrefix" | "aliasLength">,
  randomInt: RandomInt,
): string {
  return (
    config.aliasPrefix + randomDigits(config.aliasLength - config.aliasPrefix.length, randomInt)
  );
}

/**
 * A host PIN, and a guest PIN when asked for: same length (Infinity wants equal lengths unless
 * both end in "#") and never equal to each other.
 */
export function newPins(
  length: number,
  want: { host: boolean; guest: boolean },
  randomInt: RandomInt,
): { hostPin?: string; guestPin?: string } {
  const hostPin = want.host || want.guest ? randomDigits(length, randomInt) : undefined;
  if (!want.guest) return { hostPin };
  for (let tries = 0; tries < 10; tries += 1) {
    const guestPin = randomDigits(length, randomInt);
    if (guestPin !== hostPin) return { hostPin, guestPin };
  }
  throw new Error("the random source keeps repeating itself");
}
