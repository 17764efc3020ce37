// Office.js's enumerations with the string values Office.js itself uses at run time (the type
// definitions declare most of them without values).
export const HostType = {
  Word: "Word",
  Excel: "Excel",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
} as const;

export const PlatformType = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
} as const;

export const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" } as const;

export const CoercionType = {
  Text: "text",
  Matrix: "matrix",
  Table: "table",
  Html: "html",
  Ooxml: "ooxml",
  SlideRange: "slideRange",
  Image: "image",
  XmlSvg: "xmlSvg",
} as const;

export const EventType = {
  AppointmentTimeChanged: "olkAppointmentTimeChanged",
  AttachmentsChanged: "olkAttachmentsChanged",
  DialogEventReceived: "dialogEventReceived",
  DialogMessageReceived: "dialogMessageReceived",
  DialogParentMessageReceived: "dialogParentMessageReceived",
  EnhancedLocationsChanged: "olkEnhancedLocationsChanged",
  InfobarClicked: "olkInfobarClicked",
  InitializationContextChanged: "olkInitializationContextChanged",
  ItemChanged: "olkItemSelectedChanged",
  OfficeThemeChanged: "officeThemeChanged",
  RecipientsChanged: "olkRecipientsChanged",
  RecurrenceChanged: "olkRecurrenceChanged",
  SelectedItemsChanged: "olkSelectedItemsChanged",
  SensitivityLabelChanged: "olkSensitivityLabelChanged",
} as const;

export const InitializationReason = {
  Inserted: "inserted",
  DocumentOpened: "documentOpened",
} as const;

export const MailboxEnums = {
  ItemType: { Message: "message", Appointment: "appointment" },
  ItemNotificationMessageType: {
    ProgressIndicator: "progressIndicator",
    InformationalMessage: "informationalMessage",
    ErrorMessage: "errorMessage",
    InsightMessage: "insightMessage",
  },
  RecipientType: {
    DistributionList: "distributionList",
    User: "user",
    ExternalUser: "externalUser",
    Other: "other",
  },
  ResponseType: {
    None: "none",
    Organizer: "organizer",
    Tentative: "tentative",
    Accepted: "accepted",
    Declined: "declined",
  },
  RecurrenceType: {
    Daily: "daily",
    Weekday: "weekday",
    Weekly: "weekly",
    Monthly: "monthly",
    Yearly: "yearly",
  },
  Days: {
    Mon: "mon",
    Tue: "tue",
    Wed: "wed",
    Thu: "thu",
    Fri: "fri",
    Sat: "sat",
    Sun: "sun",
    Weekday: "weekday",
    WeekendDay: "weekendDay",
    Day: "day",
  },
  WeekNumber: { First: "first", Second: "second", Third: "third", Fourth: "fourth", Last: "last" },
  Month: {
    Jan: "jan",
    Feb: "feb",
    Mar: "mar",
    Apr: "apr",
    May: "may",
    Jun: "jun",
    Jul: "jul",
    Aug: "aug",
    Sep: "sep",
    Oct: "oct",
    Nov: "nov",
    Dec: "dec",
  },
  SendModeOverride: { PromptUser: "promptUser" },
  AppointmentSensitivityType: {
    Normal: "normal",
    Personal: "personal",
    Private: "private",
    Confidential: "confidential",
  },
  EntityType: {
    MeetingSuggestion: "meetingSuggestion",
    TaskSuggestion: "taskSuggestion",
    Address: "address",
    EmailAddress: "emailAddress",
    Url: "url",
    PhoneNumber: "phoneNumber",
    Contact: "contact",
  },
  OWAView: { OneColumn: "OneColumn", TwoColumns: "TwoColumns", ThreeColumns: "ThreeColumns" },
  RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
  ActionType: { ShowTaskPane: "showTaskPane" },
} as const;
