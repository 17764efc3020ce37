// Words for the trigger rule ("patient …", "ang. …"): the lexicon of names is generated
// (name-lexicon-core.ts), these are written by hand.

// Capitalised words that follow "ang." or "gällande" in ordinary invitations: subjects, units,
// roles and meeting words. Two of these in a row are a title, not a name.
export const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    "sip samordnad individuell plan planering vårdplanering vårdplan möte mötet mötes " +
    "mötestid information informationsmöte uppföljning uppföljningen teams pexip skype " +
    "region regionen västmanland västerås vårdcentral vårdcentralen avdelning " +
    "hälsocentral hälsocentralen närakut närakuten avdelningen " +
    "mottagning mottagningen klinik kliniken rond ronden remiss remissen utskrivning " +
    "utskrivningen återbesök nybesök behandling behandlingen medicin psykiatri ortopedi barn " +
    "bup habilitering journal journalen dokumentation rutin rutiner nytt ny nya digitalt " +
    "digital vårdmöte vårdmöten skyddat skyddade internt intern extern externa grupp gruppen " +
    "gruppträff träff kurs utbildning schema bemanning semester ekonomi budget kvalitet " +
    "projekt handledning vecka kallelse inbjudan agenda dagordning protokoll ärende ärendet " +
    "fråga frågor svar status hemgång hemsjukvård kommun kommunen försäkringskassan " +
    "socialtjänsten skolan förskolan personalverktyget cosmic läkare sjuksköterska kurator " +
    "psykolog fysioterapeut arbetsterapeut dietist tolk tolken anhörig anhöriga " +
    "vårdnadshavare föräldrar ombud alla samtliga övriga nästa förra " +
    "januari februari mars april maj juni juli augusti september oktober november december " +
    "måndag tisdag onsdag torsdag fredag lördag söndag ht vt " +
    "akut akuten akutmottagning operation röntgen labb provtagning vaccination " +
    "lokal lokaler lokalen rum sal konferensrum lunch fika workshop seminarium " +
    "vårdplatser bemanningen schemat rapport rapporten riktlinjer policy avvikelse " +
    "avvikelser introduktion nyanställda ledningsgrupp ledningsgruppen apt arbetsplatsträff"
  ).split(" "),
);

// Phrases that introduce a patient in invitations. "om" is weaker (also "Information om
// Teams"): after it, a known first name and a second name are required.
export const PATIENT_TRIGGERS: ReadonlySet<string> = new Set([
  "patient",
  "patienten",
  "patientens",
  "pat",
  "pt",
  "ang",
  "angående",
  "gällande",
  "rörande",
  "avseende",
  "beträffande",
  "brukare",
  "brukaren",
  "klient",
  "klienten",
  "vårdtagare",
  "vårdtagaren",
  "barnet",
  // Titles: "Fru Holm", "Herr Ek", "Hr Lind".
  "fru",
  "herr",
  "hr",
  "fröken",
]);

/** Titles before a surname: what follows is a person even when it is also a place ("Fru Lund"). */
export const TITLES: ReadonlySet<string> = new Set(["fru", "herr", "hr", "fröken"]);

export const WEAK_TRIGGERS: ReadonlySet<string> = new Set(["om"]);

// Lower-case particles inside names: "Karl af Ekenstam", "Maria de la Cruz".
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "af",
  "von",
  "van",
  "de",
  "la",
  "del",
  "da",
  "el",
  "al",
  "bin",
  "ben",
]);
