/** `isSetSupported`, false when the client cannot even answer (very old hosts, no Office). */
export function supports(set: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}
