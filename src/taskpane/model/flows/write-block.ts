import type { Invitation } from "../../../shared";
import { upsertInvitationBlock } from "../../../shared";
import type { ComposeAppointment } from "../../office/ports";
import { withOurLocation } from "./location";

/** What a write changed, so a failure later in a flow can put it back. */
export interface WrittenBlock {
  bodyBefore: string;
  locationBefore: string;
}

/**
 * Writes (or replaces in place) our block and our part of the Location. The body is read right
 * before the write so the user's latest typing is kept. On failure nothing stays half-written.
 */
export async function writeBlock(
  appointment: ComposeAppointment,
  invitation: Invitation,
  previous: { location: string; joinUrl: string } | null,
  transformBody: (body: string) => string = (body) => body,
): Promise<WrittenBlock> {
  const bodyBefore = await appointment.getBody();
  const locationBefore = await appointment.getLocation();
  await appointment.setBody(upsertInvitationBlock(transformBody(bodyBefore), invitation.html));
  try {
    await appointment.setLocation(
      withOurLocation(
        locationBefore,
        invitation.location,
        previous ? [previous.location] : [],
        previous?.joinUrl,
      ),
    );
  } catch (error) {
    await appointment.setBody(bodyBefore).catch(() => {});
    throw error;
  }
  return { bodyBefore, locationBefore };
}

/** Puts body and Location back as they were before `writeBlock` (best effort). */
export async function undoBlock(
  appointment: ComposeAppointment,
  written: WrittenBlock,
): Promise<void> {
  await appointment.setBody(written.bodyBefore).catch(() => {});
  await appointment.setLocation(written.locationBefore).catch(() => {});
}
