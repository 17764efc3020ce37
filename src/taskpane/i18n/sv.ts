// Every word the pane shows in Swedish. The seed's words (the region's staff training) are used
// exactly: Skyddat vårdmöte, Välj mötestyp, Skapa möte, Välj om mötestyp, Ta bort möte, Starta
// möte, Deltagarbegränsning, the 1177 template names (from the policy), "Anslut tillsammans".
// `{name}` marks a value filled in by `format`.
export const sv = {
  appTitle: "Skyddat vårdmöte",
  loading: "Hämtar Skyddat vårdmöte …",
  openFromOutlook: "Öppna Skyddat vårdmöte från en mötesbokning i Outlook.",
  noPersonalData: "Inga personuppgifter får förekomma i mötesinbjudan i Outlook.",
  retry: "Försök igen",
  cancel: "Avbryt",
  dismiss: "Stäng meddelandet",
  working: "Arbetar …",

  // Type picker
  chooseType: "Välj mötestyp",
  serviceLabel: "Videotjänst",
  limitLabel: "Deltagarbegränsning",
  limitValue: "{limit} deltagare, även de som ansluter via 1177",
  noLimit: "Ingen",
  createMeeting: "Skapa möte",
  creating: "Skapar möte …",
  createBlocked: "Skapa möte går inte förrän identitetsnumret är borttaget.",
  createBlockedTime: "Skapa möte går inte förrän mötestiden är ändrad.",
  created: "Mötet är skapat. Mötesinformationen finns i inbjudan.",
  createResumed:
    "Mötet som skapades när panelen stängdes är klart. Mötesinformationen finns nu i inbjudan.",

  // The booked meeting
  bookedHeading: "Bokat: {type}",
  timeLabel: "Tid",
  seriesLabel: "Serie",
  seriesUntil: "Alla tillfällen till och med {date}",
  seriesNoEnd: "Alla tillfällen, utan slutdatum",
  joinLinkLabel: "Patientlänk",
  // A type without a patient (no 1177 templates) has no patient link: the same link by its role.
  meetingLinkLabel: "Möteslänk",
  changeType: "Välj om mötestyp",
  changeTypeConfirm: "Välj om till {type}",
  changingType: "Väljer om mötestyp …",
  changeTypeNote:
    "Mötet får en ny länk och den gamla slutar fungera. Skicka uppdateringen till deltagarna.",
  typeChanged: "Mötestypen är nu {type}. Den nya mötesinformationen finns i inbjudan.",
  sameType: "Välj en annan mötestyp än den mötet har.",
  removeMeeting: "Ta bort möte",
  removing: "Tar bort mötet …",
  removed: "Mötet är borttaget. Skicka uppdateringen så att deltagarna får veta det.",
  removeConfirmTitle: "Ta bort mötet?",
  removeConfirmText:
    "Videomötet tas bort och mötesinformationen tas bort ur inbjudan. Ingen kan längre ansluta med länken.",
  startMeeting: "Starta möte",
  starting: "Öppnar mötet …",
  started:
    "Mötet öppnas i ett nytt fönster. Anslut i god tid – det kan ta lite tid att ställa in kamera och ljud.",
  loadingMeeting: "Hämtar mötet …",

  // Links
  copyPatientLink: "Kopiera patientlänk",
  copyMeetingLink: "Kopiera möteslänk",
  sameLinkPatient: "Tolk och närstående använder samma länk som patienten.",
  sameLinkInternal: "Alla deltagare, även tolk, använder samma länk.",
  hostLinkNote:
    "Själv ansluter du som mötesvärd med Starta möte. Den öppnar din värdlänk, som du inte ska dela.",
  copyJoinTogether: "Kopiera texten",
  copied: "Kopierat.",
  copyFailed: "Det gick inte att kopiera. Markera texten och kopiera den själv (Ctrl+C).",
  patientHeading: "Skicka länken till patienten",
  patientText:
    "Skicka länken som ett invånarärende i Personalverktyget till patientens inkorg på 1177. Använd den centrala mallen:",
  patientNoOutlook: "Bjud inte in patienten i Outlook: länken skickas via 1177.",
  childHeading: "När patienten är barn",
  childUnder13:
    "Barn under 13 år: Möteslänken skickas till patienten – vårdnadshavare agerar ombud.",
  childOver13:
    "Barn över 13 år: Beror på vilka som ska delta - ungdomen själv, vårdnadshavare, närstående - och om de ska ansluta tillsammans.",
  joinTogetherHeading: "Textförslag på uppmaning att ansluta tillsammans",
  joinTogetherTitle: "Anslut tillsammans",
  joinTogetherText:
    "Om fler personer som är viktiga för barnet ska delta på mötet, till exempel båda vårdnadshavare eller annan närstående, behöver ni ansluta till mötet tillsammans. Detta eftersom endast {limit} deltagare kan ansluta till mötet totalt.",
  interpreterHeading: "Tolk",
  interpreterText: "Skicka länken via Outlook till Tolkservice eller Tolkenheten.",

  // Warnings
  warningsHeading: "Att åtgärda",
  personalDataTitle: "Personuppgifter i mötet",
  personalDataBlock: "Ta bort identitetsnumret. Skapa möte går inte förrän det är borttaget.",
  personalDataBlockBooked: "Ta bort identitetsnumret innan du skickar.",
  personalDataWarn: "Kontrollera uppgifterna och ta bort dem ur mötet.",
  personalDataItem: "{field}: {kind} {match}",
  fieldSubject: "Ämne",
  fieldLocation: "Plats",
  fieldBody: "Brödtext",
  kindPersonnummer: "personnummer",
  kindSamordningsnummer: "samordningsnummer",
  kindReservnummer: "reservnummer",
  kindPhone: "telefonnummer",
  kindEmail: "e-postadress",
  kindAddress: "postadress",
  kindName: "namn",
  namesTitle: "Möjligt namn i mötet",
  namesText:
    "Ämne och brödtext syns i kalendrar, på rumsskärmar och i vidarebefordrade inbjudningar. Ta bort patientens namn, eller ersätt det med initialer.",
  nameExcerpt: "{field}:",
  nameMarked: "namn",
  nameReplaceLabel: "Vad ska stå i stället?",
  nameReplaceInitials: "Ersätt med initialer",
  nameReplaceNothing: "Ta bort helt",
  removeName: "Ta bort namnet",
  notName: "Det är inte ett namn",
  notPrivate:
    "Mötet är bokat. Den här versionen av Outlook kan inte markera mötet som privat åt dig: välj Privat i mötesfönstret.",
  nameRemoved: "Namnet är borttaget.",
  nameGone: "Namnet finns inte längre där. Kontrollera texten.",
  notNameSaved: "Ingen mer varning för de orden i det här mötet.",
  teamsBlockTitle: "Inbjudan har också ett vanligt Teams-möte",
  teamsBlockText:
    "Outlook har lagt till ett Teams-möte utan mötesskydd. Slå av Teams-möte i mötesfönstret så tar Outlook bort det. Lägger Outlook till Teams i alla möten: slå av det under Inställningar > Kalender > Händelser och inbjudningar.",
  skypeTitle: "Inbjudan är ett Skype-möte",
  skypeText:
    "Skype tas ur drift. Boka om mötet: Skype-informationen tas bort och ett Skyddat vårdmöte av vald mötestyp läggs till.",
  rebookSkype: "Boka om Skype-mötet",
  rebookingSkype: "Bokar om Skype-mötet …",
  skypeRebooked: "Skype-mötet är ombokat till ett Skyddat vårdmöte.",
  otherMeetingTitle: "Inbjudan har ett annat videomöte",
  otherMeetingText:
    "Det finns ett möte i {service} i inbjudan. Ta bort det så att inbjudan bara har ett möte.",
  otherMeetingGeneric: "ett annat videoverktyg",
  skypeBookedText:
    "Skype tas ur drift. Ta bort Skype-informationen ur inbjudan så att deltagarna bara får länken till Skyddat vårdmöte.",
  blockMissingTitle: "Mötesinformationen saknas i inbjudan",
  blockMissingText:
    "Mötet är bokat, men informationen om hur man ansluter har tagits bort ur inbjudan.",
  blockEditedTitle: "Mötesinformationen är ändrad",
  blockEditedText: "Informationen om mötet i inbjudan stämmer inte med bokningen.",
  restoreBlock: "Återställ mötesinformationen",
  restoring: "Återställer mötesinformationen …",
  restored: "Mötesinformationen är återställd i inbjudan.",
  orphanTitle: "Inbjudan har information om ett borttaget möte",
  orphanText: "Länken i inbjudan går till ett möte som inte längre finns.",
  removeOrphan: "Ta bort den gamla mötesinformationen",
  orphanRemoved: "Den gamla mötesinformationen är borttagen.",
  seriesTitle: "Mötet är en serie",
  seriesText: "Alla tillfällen i serien använder samma möte och samma länk.",
  seriesNoEndText:
    "Serien har inget slutdatum. Mötet hålls öppet ett år framåt; sätt ett slutdatum om serien slutar tidigare.",

  // Times
  timesUpdated: "Mötestiden är uppdaterad i videotjänsten.",
  timesUpdateFailed: "Den nya mötestiden kunde inte sparas i videotjänsten.",
  updatingTimes: "Uppdaterar mötestiden …",

  // Attendee view
  attendeeHeading: "Anslut till mötet",
  attendeeJoin: "Anslut till Skyddat vårdmöte",
  attendeeLobby: "Du väntar i lobbyn tills mötesvärden släpper in dig.",
  attendeeNone: "Den här mötesbokningen har inget Skyddat vårdmöte.",
  attendeeForeignLink:
    "Länken i kallelsen leder inte till regionens mötestjänst. Kontakta den som skickade kallelsen.",

  // Failures: what happened, then what to do
  errOffline:
    "Datorn är inte ansluten till något nätverk. Kontrollera nätverksanslutningen och försök igen.",
  errServiceBusy:
    "Tjänsten för Skyddat vårdmöte är tillfälligt otillgänglig. Försök igen om en liten stund.",
  errUnreachable:
    "Tjänsten för Skyddat vårdmöte går inte att nå just nu. Försök igen om en stund; kvarstår felet, kontakta IT-support.",
  errSignIn: "Inloggningen gick inte igenom. Stäng panelen, öppna den igen och försök på nytt.",
  errUnauthorized:
    "Inloggningen har gått ut. Försök igen; hjälper det inte, stäng och öppna panelen.",
  errForbidden:
    "Mötet kan bara ändras från den mötesbokning där det skapades. Öppna den bokningen och försök där.",
  errNotFound: "Mötet finns inte längre i tjänsten.",
  errConflict: "Mötet ändrades samtidigt på annat håll. Vänta en stund och försök igen.",
  errValidation:
    "Mötestiden går inte att använda. Kontrollera att slut är efter start och att mötet är högst 24 timmar.",
  errPolicy: "Mötestypen går inte att använda för det här mötet. Välj en annan mötestyp.",
  errRateLimited: "Det har gjorts för många försök på kort tid. Vänta en minut och försök igen.",
  errProviderUnavailable: "Videotjänsten svarar inte just nu. Försök igen om en stund.",
  errProviderTimeout: "Videotjänsten svarade inte i tid. Försök igen om en stund.",
  errProviderRejected:
    "Videotjänsten kunde inte ta emot ändringen. Försök igen och kontakta IT-support om felet kvarstår.",
  errProviderNotAuthorized: "Tjänsten har inte behörighet i videotjänsten. Kontakta IT-support.",
  errInternal: "Något gick fel i tjänsten. Försök igen och kontakta IT-support om felet kvarstår.",
  errBadResponse:
    "Tjänsten svarade på ett oväntat sätt. Försök igen och kontakta IT-support om felet kvarstår.",
  errOffice: "Outlook kunde inte ändra mötet. Försök igen.",
  errPlainText:
    "Inbjudan är i oformaterad text. Byt format till HTML i mötesfönstret och försök igen.",
  errBodyTooLarge:
    "Inbjudan är för lång för att få plats med mötesinformationen. Korta texten och försök igen.",
  errCreateRolledBack:
    "Mötesinformationen kunde inte skrivas in i inbjudan, så mötet togs bort igen. Inget är ändrat. Försök igen.",
  errCreateDangling:
    "Mötesinformationen kunde inte skrivas in i inbjudan. Stäng mötet utan att spara och boka på nytt.",
  errSaveItem:
    "Mötet är klart men Outlook kunde inte spara mötesbokningen. Spara den själv innan du stänger den.",
  errRemoveBody:
    "Mötet är borttaget, men mötesinformationen kunde inte tas bort ur inbjudan. Ta bort den själv: allt från understrecksraden ovanför mötesrubriken till och med den lilla raden ”Skyddat vårdmöte · ref. …” (i äldre inbjudningar: från raden === Skyddat vårdmöte === till och med slutraden).",
  errChangeBody:
    "Den nya mötestypen gäller, men inbjudan kunde inte uppdateras. Välj Återställ mötesinformationen.",
  errLoadTypes: "Mötestyperna kunde inte hämtas.",
  errLoadMeeting: "Mötet kunde inte hämtas.",
  errPane:
    "Något gick fel i Skyddat vårdmöte. Mötet är oförändrat. Stäng panelen och öppna den igen.",
  errQuota:
    "Du har redan så många kommande bokningar som regionen tillåter. Ta bort möten du inte längre behöver och försök igen.",
  errItem: "Outlook kunde inte läsa mötesbokningen. Stäng panelen och öppna den igen.",
} as const;

/** The catalogue's shape: every language has exactly these keys. */
export type MessageKey = keyof typeof sv;
export type Catalogue = Readonly<Record<MessageKey, string>>;
