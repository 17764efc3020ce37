import { normalizeText } from "./text";

// A short fingerprint of the invitation block's visible lines. The pane stores the fingerprint of
// what it wrote in the appointment's custom properties (2,500 characters in all, so not the text
// itself); the send check compares it with the block it finds, with no network call, to tell
// whether someone edited the block. Not a security measure: FNV-1a, 32 bits.
export function linesDigest(lines: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = lines.join("\n");
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Normalises a rendered plain-text block into the lines `invitationBlockText` would report. */
export function textToLines(text: string): string[] {
  return text
    .split("\n")
    .map(normalizeText)
    .filter((line) => line !== "");
}

/** The fingerprint of a rendered invitation's plain text (`Invitation.text`). */
export function invitationDigest(text: string): string {
  return linesDigest(textToLines(text));
}
