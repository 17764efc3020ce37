// The waiting room's participant ids: the pane never sees the video service's own call ids.
// An HMAC keyed from the manageKey secret, so every instance of the service derives the same id
// (the pane's events may come from one instance and its "Släpp in" go to another).
import { createHmac } from "node:crypto";

export type RoomIdFor = (bookingId: string, callId: string) => string;

export function createRoomIds(secret: Buffer): RoomIdFor {
  // A key of its own: a room id must never be usable as (or reveal anything about) a manageKey hash.
  const key = createHmac("sha256", secret).update("svm waiting-room participant id v1").digest();
  return (bookingId, callId) =>
    createHmac("sha256", key)
      .update(`${bookingId}\n${callId}`, "utf8")
      .digest()
      .subarray(0, 16)
      .toString("base64url");
}
