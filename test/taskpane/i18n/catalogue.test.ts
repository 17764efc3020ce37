import { describe, expect, it } from "vitest";
import { format, loadCatalogue, pickLocale, translator } from "../../../src/taskpane/i18n";
import { en } from "../../../src/taskpane/i18n/en";
import { sv } from "../../../src/taskpane/i18n/sv";

// Copied from the region's staff training (the staff training's slide "Vem skickar jag länken till när
// patienten är barn?"), line breaks joined.
const SEED_CHILD_SLIDE =
  "Barn under 13 år: Möteslänken skickas till patienten – vårdnadshavare agerar ombud. " +
  "Barn över 13 år: Beror på vilka som ska delta - ungdomen själv, vårdnadshavare, närstående - och om de ska ansluta tillsammans. " +
  "Textförslag på uppmaning att ansluta tillsammans: Anslut tillsammans " +
  "Om fler personer som är viktiga för barnet ska delta på mötet, till exempel båda vårdnadshavare eller annan närstående, " +
  "behöver ni ansluta till mötet tillsammans. Detta eftersom endast 15 deltagare kan ansluta till mötet totalt.";

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("the catalogues", () => {
  it("have the same keys in Swedish and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it("have no empty text", () => {
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(sv) as Array<keyof typeof sv>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it("use the seed's Swedish words exactly", () => {
    expect(sv.appTitle).toBe("Skyddat vårdmöte");
    expect(sv.chooseType).toBe("Välj mötestyp");
    expect(sv.createMeeting).toBe("Skapa möte");
    expect(sv.changeType).toBe("Välj om mötestyp");
    expect(sv.removeMeeting).toBe("Ta bort möte");
    expect(sv.startMeeting).toBe("Starta möte");
    expect(sv.limitLabel).toBe("Deltagarbegränsning");
    expect(sv.noPersonalData).toBe("Inga personuppgifter får förekomma i mötesinbjudan i Outlook.");
    expect(sv.copyPatientLink).toBe("Kopiera patientlänk");
    expect(sv.rebookSkype).toBe("Boka om Skype-mötet");
    expect(sv.restoreBlock).toBe("Återställ mötesinformationen");
  });

  it("name the guest link, the host link and changing the type one way each", () => {
    const words = Object.values(sv).join("\n");
    // The guest link is Patientlänk (Möteslänk without a patient), never a third name.
    expect(words).not.toMatch(/anslutningslänk|länk till tolk|tolklänk/i);
    expect(sv.joinLinkLabel).toBe("Patientlänk");
    expect(sv.copyPatientLink).toBe("Kopiera patientlänk");
    expect(sv.sameLinkPatient).toBe("Tolk och närstående använder samma länk som patienten.");
    // The host's own link has a name of its own and is never a patient link.
    expect(sv.hostLinkNote).toContain("värdlänk");
    // One verb for changing the type: the region's "Välj om", never "Byt".
    expect(words).not.toMatch(/\bbyt(er|t)?\b[^.]*mötestyp/i);
    expect(sv.changeTypeConfirm).toBe("Välj om till {type}");
    expect(en.changeTypeConfirm).toBe("Change to {type}");
  });

  it("carry the seed's “Anslut tillsammans” text word for word (with the Pexip limit of 15)", () => {
    const text = format(sv.joinTogetherText, { limit: 15 });
    expect(SEED_CHILD_SLIDE).toContain(`${sv.joinTogetherTitle} ${text}`);
    // Pasted into a Swedish 1177 message, so it stays Swedish in the English pane too.
    expect(en.joinTogetherText).toBe(sv.joinTogetherText);
    expect(en.joinTogetherTitle).toBe(sv.joinTogetherTitle);
  });

  it("carry the seed's guidance for children", () => {
    expect(SEED_CHILD_SLIDE).toContain(sv.childUnder13);
    expect(SEED_CHILD_SLIDE).toContain(sv.childOver13);
  });
});

describe("language and formatting", () => {
  it("is Swedish for every Swedish Outlook and English otherwise", async () => {
    expect(pickLocale("sv-SE")).toBe("sv");
    expect(pickLocale("sv-FI")).toBe("sv");
    expect(pickLocale("SV")).toBe("sv");
    expect(pickLocale("en-US")).toBe("en");
    expect(pickLocale("nb-NO")).toBe("en");
    expect(await loadCatalogue("en")).toBe(en);
    expect(await loadCatalogue("sv")).toBe(sv);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{type} tar {limit}", { type: "Vårdmöte patient", limit: 15 })).toBe(
      "Vårdmöte patient tar 15",
    );
    expect(format("{missing}")).toBe("{missing}");
    expect(translator(sv)("bookedHeading", { type: "Internt möte utan patient" })).toBe(
      "Bokat: Internt möte utan patient",
    );
  });
});
