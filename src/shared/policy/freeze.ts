/**
 * Freezes an object graph so that one request can never change the policy another request
 * sees (the service shares one policy object between all requests).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
