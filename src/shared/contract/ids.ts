import { z } from "zod";
import { MEETING_TYPE_IDS } from "./names";

/** The meeting types a region can offer. The policy file decides their words and mapping. */
export const MeetingTypeId = z.enum(MEETING_TYPE_IDS);
export type MeetingTypeId = z.infer<typeof MeetingTypeId>;

/** The two video services behind a Skyddat vårdmöte. */
export const ServiceId = z.enum(["pexip", "teams"]);
export type ServiceId = z.infer<typeof ServiceId>;

/** The languages the pane and the invitation speak. */
export const Locale = z.enum(["sv", "en"]);
export type Locale = z.infer<typeof Locale>;

/** A text in both languages: every word a user or a guest sees comes this way. */
export const LocalizedText = z.object({ sv: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;
