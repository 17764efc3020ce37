import {
  conferenceBodySchema,
  conferenceDefaults,
  type ConferenceBody,
  type ConferenceFields,
} from "./conference-fields";
import { aliasIdOf, type PexipStore } from "./store";
import { addError, djangoMessages, zodToFieldErrors, type FieldErrors } from "./tastypie";

export type ConferenceWrite =
  | { ok: true; fields: ConferenceFields; aliases: ConferenceBody["aliases"] }
  | { ok: false; errors: FieldErrors };

/**
 * Validates a conference write the way Infinity does: field validators, then the whole
 * object (required name, unique name, PIN rules, unique aliases). `base` is the stored
 * object for PATCH; POST and PUT start from the defaults.
 */
export function validateConferenceWrite(
  body: unknown,
  store: PexipStore,
  options: { base?: ConferenceFields; selfId?: number },
): ConferenceWrite {
  const parsed = conferenceBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: zodToFieldErrors(parsed.error) };
  const { aliases, ...given } = parsed.data;
  const errors: FieldErrors = {};
  const merged = { ...conferenceDefaults, ...options.base, ...given };
  if (merged.name === undefined) addError(errors, "name", djangoMessages.required);
  else {
    const other = store.findConferenceByName(merged.name);
    if (other && other.id !== options.selfId)
      addError(errors, "name", djangoMessages.unique("Conference", "Name"));
  }
  checkPins(merged.pin, merged.guest_pin, errors);
  checkAliases(aliases, store, options.selfId, errors);
  if (Object.keys(errors).length > 0 || merged.name === undefined) return { ok: false, errors };
  return { ok: true, fields: { ...merged, name: merged.name }, aliases };
}

// Pexip: a Guest PIN needs a Host PIN, the two must differ, and PINs of different lengths
// must both end in "#" so that the node knows where a PIN ends.
function checkPins(pin: string, guestPin: string, errors: FieldErrors): void {
  if (guestPin === "") return;
  if (pin === "") addError(errors, "guest_pin", "A Guest PIN requires a Host PIN.");
  else if (pin === guestPin)
    addError(errors, "guest_pin", "Host PIN and Guest PIN must be different.");
  else if (pin.length !== guestPin.length && !(pin.endsWith("#") && guestPin.endsWith("#")))
    addError(
      errors,
      "guest_pin",
      "Host PIN and Guest PIN of different lengths must both end with a terminal #.",
    );
}

function checkAliases(
  aliases: ConferenceBody["aliases"],
  store: PexipStore,
  selfId: number | undefined,
  errors: FieldErrors,
): void {
  const seen = new Set<string>();
  for (const entry of aliases ?? []) {
    // A URI moves an existing alias object to this conference; it must exist.
    if (typeof entry === "string") {
      const id = aliasIdOf(entry);
      const record = id === undefined ? undefined : store.getAlias(id);
      if (!record) addError(errors, "aliases", djangoMessages.badUri(entry));
      else seen.add(record.alias);
      continue;
    }
    const { alias } = entry;
    const existing = store.findAlias(alias);
    if (seen.has(alias) || (existing && existing.conferenceId !== selfId))
      addError(
        errors,
        "aliases",
        djangoMessages.unique("Conference alias", "Alias") + ` (${alias})`,
      );
    seen.add(alias);
  }
}
