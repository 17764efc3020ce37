// The personal-data scanner: pure TypeScript, no DOM, linear time. Used by the task pane before
// "Skapa möte" and by the OnAppointmentSend check.
export {
  AppointmentField,
  AppointmentText,
  FieldFinding,
  PersonalDataFinding,
  PersonalDataKind,
  PersonalDataSeverity,
  ScanOptions,
  severityOf,
} from "./finding";
export { findPersonalData } from "./find-personal-data";
export { htmlToText } from "./html-to-text";
export { maskMatch } from "./mask";
export { scanAppointment } from "./scan-appointment";
