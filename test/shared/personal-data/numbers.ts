// The only identity numbers tests may use (common rules): Skatteverket's test number
// 19121212-1212, the samordningsnummer example 701063-2391, and numbers of people born before
// 1900 (check digits computed here, Luhn over the last ten digits).
export const TOLVAN = "19121212-1212";
export const SAMORDNING = "701063-2391";

/** Valid 12-digit personnummer, births 1854–1899. */
export const PRE_1900 = [
  "18540317-1233",
  "18620905-2346",
  "18711124-3452",
  "18790101-4568",
  "18830614-5676",
  "18880229-6783",
  "18920430-7897",
  "18951231-8024",
  "18970718-9156",
  "18990312-1466",
  "18860815-2586",
  "18930101-3695",
  "18640229-4711",
  "18770909-5835",
  "18981120-6946",
] as const;

/** Valid samordningsnummer (day + 60), births before 1900. */
export const PRE_1900_SAMORDNING = [
  "18900163-4568",
  "18991291-6781",
  "18830371-7899",
  "18760884-3129",
  "18920262-4277",
  "18850571-5386",
  "18970989-6493",
] as const;

/** Reservnummer in the regions' formats, births before 1900 where dated. */
export const RESERVE = {
  stockholm: ["991981000010", "992023456783", "991999123457"],
  vgr: ["18810829M071", "18930412K124", "18770301X833"],
  varmland: ["18450829SF2B", "18910101SU3K"],
  carelink: ["188108320014", "189507451236", "186605598702"],
  nrid: ["21810829AB12", "21990101CD34", "00000000EF56"],
  skane: ["18900101-AB12", "18671231-X123"],
  interim: ["18900101-T007"],
} as const;

/** PTS's numbers for books and films: 070-174 06 05 … 070-174 06 99. */
export function ptsMobile(last: number): string {
  return `070-174 06 ${String(last).padStart(2, "0")}`;
}

/** The 10-digit form with "+" (the person has turned 100) of a 12-digit number. */
export function tenDigitsPlus(twelve: string): string {
  const digits = twelve.replace(/\D/g, "");
  return `${digits.slice(2, 8)}+${digits.slice(8)}`;
}
