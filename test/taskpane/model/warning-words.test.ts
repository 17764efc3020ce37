// Messages that are true (issue 16): once the meeting is booked, Skapa möte and the first choice
// of a type are gone, so no warning may point to them; each warning still says what to do.
import { describe, expect, it } from "vitest";
import { presentWarning } from "../../../src/taskpane/components/warning-presentation";
import { translator } from "../../../src/taskpane/i18n";
import { en } from "../../../src/taskpane/i18n/en";
import { sv } from "../../../src/taskpane/i18n/sv";
import type { Warning } from "../../../src/taskpane/model/warnings";

const EVERY_WARNING: Warning[] = [
  {
    kind: "personalData",
    blocking: true,
    items: [{ field: "body", kind: "personnummer", masked: "191212-****" }],
  },
  {
    kind: "personalData",
    blocking: false,
    items: [{ field: "subject", kind: "phone", masked: "070-174 06 **" }],
  },
  { kind: "names", items: [] },
  { kind: "blockMissing" },
  { kind: "blockEdited" },
  { kind: "skype" },
  { kind: "teamsBlock" },
  { kind: "otherMeeting", service: "Zoom" },
  { kind: "otherMeeting", service: "" },
  { kind: "check", finding: { kind: "timePast" } },
  { kind: "check", finding: { kind: "endBeforeStart" } },
  { kind: "check", finding: { kind: "overLimit", count: 16, limit: 15 } },
  { kind: "check", finding: { kind: "atLimit", count: 15, limit: 15 } },
  { kind: "check", finding: { kind: "outsideInternal", addresses: ["a***@example.com"] } },
  { kind: "check", finding: { kind: "consumerEmail", addresses: ["k***@gmail.com"] } },
  { kind: "series", endDate: null },
  { kind: "series", endDate: "2030-06-30" },
];

const handlers = (booked: boolean) => ({
  busy: false,
  booked,
  typeLabel: (id: string) => id,
  onRestore: () => {},
  onRebookSkype: () => {},
  onRemoveOrphan: () => {},
  onRemoveName: () => {},
  onNotName: () => {},
});

const LANGUAGES = [
  // What only exists before booking: the button, and choosing a first type or rebooking.
  { locale: "sv", t: translator(sv), before: /Skapa möte|välj en mötestyp|Boka om/i },
  { locale: "en", t: translator(en), before: /Create meeting|choose a meeting type|Rebook/i },
] as const;

describe("warnings on a booked meeting", () => {
  it.each(LANGUAGES)("never point to Skapa möte or a first choice of type ($locale)", (lang) => {
    for (const warning of EVERY_WARNING) {
      const shown = presentWarning(warning, lang.t, lang.locale, handlers(true));
      const words = `${shown.title} ${shown.text} ${shown.action?.label ?? ""}`;
      expect(words, JSON.stringify(warning)).not.toMatch(lang.before);
      expect(shown.text.trim(), JSON.stringify(warning)).not.toBe("");
    }
  });

  it("say that an identity number must go before sending, and before booking that it stops Skapa möte", () => {
    const identity = EVERY_WARNING[0]!;
    const t = translator(sv);
    expect(presentWarning(identity, t, "sv", handlers(true)).text).toBe(
      `${sv.noPersonalData} Ta bort identitetsnumret innan du skickar.`,
    );
    expect(presentWarning(identity, t, "sv", handlers(false)).text).toContain("Skapa möte");
  });

  it("offer to rebook a Skype meeting only before booking", () => {
    const t = translator(sv);
    const skype: Warning = { kind: "skype" };
    expect(presentWarning(skype, t, "sv", handlers(false)).action?.label).toBe(sv.rebookSkype);
    expect(presentWarning(skype, t, "sv", handlers(true)).action).toBeUndefined();
  });
});
