// Small gazetteers for the name rule. They only decide whether capitalised words after a
// patient-like phrase ("patient …", "ang. …") are a person's name; no name is ever looked
// for on its own. Common Swedish first names (SCB's most frequent) and names common among
// Swedish residents born abroad.
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    "anna eva maria karin sara lena kerstin emma ingrid marie malin christina birgitta jenny " +
    "sofia linda elin ida hanna johanna annika susanne elisabeth ulla inger monica helena " +
    "camilla carina åsa cecilia marianne margareta anette gunilla louise frida julia ebba " +
    "alice maja elsa astrid wilma ella saga vera selma alma agnes freja stella ellen klara " +
    "tilda lova nora olivia alva signe ester greta ines lilly mila molly leah liv majken " +
    "ylva therese jessica matilda amanda josefin emelie caroline charlotte katarina lisa " +
    "anneli agneta britt gun siv sonja berit barbro yvonne ann ulrika pia petra nina " +
    "karl erik lars anders johan per nils jan carl mikael hans peter olof lennart gunnar " +
    "sven fredrik bengt bo daniel alexander oskar göran magnus stefan thomas mats ulf " +
    "leif andreas björn henrik kjell david martin christer johannes jonas niklas mattias " +
    "patrik simon filip gustav viktor william lucas liam elias hugo noah oliver adam axel " +
    "alfred arvid ludvig emil isak theo leo vincent melvin sixten harry frans elton albin " +
    "nils-erik anna-karin eva-lena karl-erik jan-erik per-olof carl-johan " +
    "sebastian marcus robert joakim tobias rickard jesper kristoffer håkan roger tommy " +
    "rolf kent jörgen lars-erik åke arne rune ingvar sture tore gösta evert allan " +
    "mohammed mohamed muhammad ahmed ali hassan hussein omar yusuf ibrahim abdi mustafa " +
    "mahmoud khalid hamid reza amir karim samir tariq jamal said yasin ismail " +
    "fatima amina aisha leila layla mariam maryam zainab yasmin sara hodan nour noor " +
    "ayan hawa khadija samira nadia dina rania zahra hiba " +
    "aleksandra anastasia irina olga natalia tatiana ivan dmitri sergei andrzej piotr " +
    "krzysztof agnieszka katarzyna magdalena joanna milan dragan goran zoran ana " +
    "marko jovana nikola stefan-erik jose juan carlos luis ana-maria maria-jose " +
    "mehmet ahmet mustafa emre fatma ayse elif zeynep hamza yusuf-ali kofi amara " +
    "pelle kalle nisse lasse olle janne kicki lotta lollo mia micke pekka sussi " +
    "tolvan"
  ).split(" "),
);

// Surnames that do not end in one of the endings below.
export const SURNAMES: ReadonlySet<string> = new Set(
  (
    "berg lind ek holm lund björk wallin sjöberg falk hedlund lindqvist forsberg åberg " +
    "nyberg sandberg ekström lindgren sundberg blom strand dahl hall fors sund " +
    "ali ahmed mohammed hassan hussein omar yusuf abdi ibrahim khan nguyen kaya yilmaz " +
    "nowak kowalski popescu garcia rodriguez fernandez silva santos müller schmidt smith " +
    "tolvansson"
  ).split(" "),
);

export const SURNAME_ENDINGS = [
  "sson",
  "son",
  "berg",
  "ström",
  "lund",
  "qvist",
  "kvist",
  "gren",
  "dahl",
  "holm",
  "blad",
  "bäck",
  "mark",
  "sten",
  "strand",
  "stedt",
  "fors",
  "gård",
  "borg",
  "ling",
  "lind",
  "löf",
  "ander",
  "ius",
  "ell",
  "vic",
  "vić",
  "ović",
  "ski",
  "ska",
  "oglu",
] as const;

// Capitalised words that follow "ang." or "gällande" in ordinary invitations: subjects, units,
// roles and meeting words. Two of these in a row are a title, not a name.
export const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    "sip samordnad individuell plan planering vårdplanering vårdplan möte mötet mötes " +
    "mötestid information informationsmöte uppföljning uppföljningen teams pexip skype " +
    "region regionen västmanland västerås vårdcentral vårdcentralen avdelning avdelningen " +
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
]);

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
