// Office.context.mailbox: the item, the signed-in user, diagnostics, time conversions and the
// mailbox-level events (OfficeThemeChanged).
import { displayNameOf, ORGANIZATION_DOMAIN } from "../store/state";
import { windowsTimeZone } from "../store/recurrence";
import type { FakeContext } from "./context";
import { createEventHub, MAILBOX_EVENTS } from "./events";
import { createAppointmentCompose, createAppointmentRead } from "./item";

const HOST_NAMES = { web: "OutlookWebApp", classic: "Outlook", mac: "Outlook" } as const;
const HOST_VERSIONS = { web: "20260801001.13", classic: "16.0.18025.20000", mac: "16.89.24091630" };

export function createMailbox(ctx: FakeContext) {
  const { client, user, mode } = ctx.store.settings;
  return {
    item: mode === "attendee" ? createAppointmentRead(ctx) : createAppointmentCompose(ctx),
    userProfile: {
      displayName: displayNameOf(user),
      emailAddress: `${user}@${ORGANIZATION_DOMAIN}`,
      timeZone: windowsTimeZone(),
      accountType: "enterprise",
    },
    diagnostics: {
      hostName: HOST_NAMES[client],
      hostVersion: HOST_VERSIONS[client],
      ...(client === "web" ? { OWAView: "ThreeColumns" } : {}),
    },
    ewsUrl: "https://outlook.office365.com/EWS/Exchange.asmx",
    restUrl: "https://outlook.office.com/api",
    convertToLocalClientTime(timeValue: Date) {
      const d = new Date(timeValue.getTime());
      return {
        year: d.getFullYear(),
        month: d.getMonth(),
        date: d.getDate(),
        hours: d.getHours(),
        minutes: d.getMinutes(),
        seconds: d.getSeconds(),
        milliseconds: d.getMilliseconds(),
        timezoneOffset: -d.getTimezoneOffset(),
      };
    },
    convertToUtcClientTime(input: Record<string, number>): Date {
      const local = new Date(
        input.year ?? 1970,
        input.month ?? 0,
        input.date ?? 1,
        input.hours ?? 0,
        input.minutes ?? 0,
        input.seconds ?? 0,
        input.milliseconds ?? 0,
      );
      return new Date(local.getTime());
    },
    /** EWS ids are base64; REST ids are the URL-safe variant (what convertToRestId does). */
    convertToRestId(itemId: string): string {
      return itemId.replaceAll("/", "-").replaceAll("+", "_");
    },
    convertToEwsId(itemId: string): string {
      return itemId.replaceAll("-", "/").replaceAll("_", "+");
    },
    ...createEventHub(ctx, MAILBOX_EVENTS, "mailbox"),
  };
}
