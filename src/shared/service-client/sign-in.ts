// The embedded default's sign-in (client config kind "emulator"), as the pane and the launch
// events both ask the Entra ID emulator for a token.

/** The user the emulator signs a token for: the local part of the Outlook account's address. */
export function emulatorUser(emailAddress: string): string {
  const local = emailAddress.split("@")[0]?.trim() ?? "";
  return local === "" ? "user" : local;
}
