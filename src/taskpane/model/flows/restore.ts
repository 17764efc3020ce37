import {
  type Booking,
  type Invitation,
  findInvitationBlock,
  removeInvitationBlock,
} from "../../../shared";
import type { BookingRef } from "../../office/ports";
import { removeOurLocation } from "./location";
import type { PaneServices } from "../services";
import { trySaveItem } from "./create";
import { writeBlock } from "./write-block";

/**
 * Återställ mötesinformationen: the block as the service renders it now (GET /meetings/{id}),
 * written over whatever is left of the old one, and our Location part put back.
 */
export async function restoreBlock(
  services: PaneServices,
  ref: BookingRef,
  current: { booking: Booking; invitation: Invitation },
): Promise<{ booking: Booking; invitation: Invitation; saved: boolean }> {
  const fresh = await services.api.getMeeting(ref, services.locale);
  await writeBlock(services.appointment, fresh.invitation, {
    location: current.invitation.location,
    joinUrl: current.booking.join.url,
  });
  const saved = await trySaveItem(services);
  return { booking: fresh.booking, invitation: fresh.invitation, saved };
}

/** Starta möte: the host link is fetched with the manageKey and opened, never stored or written. */
export async function startMeeting(
  services: Pick<PaneServices, "api" | "openInBrowser">,
  ref: BookingRef,
): Promise<void> {
  const { hostUrl } = await services.api.getHostLink(ref);
  services.openInBrowser(hostUrl);
}

/**
 * Removes the block of a meeting that no longer exists (and our Location part, found by its
 * join link), so no dead link goes out with the invitation.
 */
export async function removeOrphanBlock(services: PaneServices): Promise<void> {
  const { appointment } = services;
  const body = await appointment.getBody();
  const joinUrl = findInvitationBlock(body)?.joinUrl ?? undefined;
  await appointment.setBody(removeInvitationBlock(body));
  const location = await appointment.getLocation();
  const cleaned = removeOurLocation(location, [], joinUrl);
  if (cleaned !== location) await appointment.setLocation(cleaned);
  await trySaveItem(services);
}
