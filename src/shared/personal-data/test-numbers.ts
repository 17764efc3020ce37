// Skatteverket publishes its test personnummer as a list of about 20 000 numbers, not as a
// rule (shared/reference/sweden.md §1.3): dense daily series for births 1890–1941 (serials
// 980/981 with exceptions) and 2015–2019 (238/239 with gaps and swapped serials). Shipping the
// list would cost more of the launch-event bundle than the whole scanner, and a parity rule
// would call real people's numbers test numbers where the list has gaps. So the flag is
// conservative: the well-known listed numbers, plus births before 1900 with the list's serials
// (no living person has such a number, so the flag can never mislabel one). The flag never
// changes the severity: a test number is still blocked.

const LISTED: ReadonlySet<string> = new Set([
  // "Tolvan Tolvansson", the test number every Swedish system knows.
  "191212121212",
  // The list's outlier serial on 1890-12-21.
  "189012219367",
]);

/** True for a 12-digit personnummer known to be on Skatteverket's list of test numbers. */
export function isSkatteverketTestNumber(twelveDigits: string): boolean {
  if (LISTED.has(twelveDigits)) return true;
  const year = Number(twelveDigits.slice(0, 4));
  const serial = twelveDigits.slice(8, 11);
  return year >= 1890 && year <= 1899 && serial >= "980" && serial <= "983";
}

// The listed numbers' last ten digits, by what a 10-digit form's separator says about the
// century: "+" for 100 years or older (1800s, 1900s), otherwise the last 100 years.
const LISTED_TEN_PLUS = new Set([...LISTED].filter((n) => n < "20").map((n) => n.slice(2)));
const LISTED_TEN = new Set([...LISTED].filter((n) => n >= "19").map((n) => n.slice(2)));

/** The same check for a 10-digit number, with the separator it was written with. */
export function isSkatteverketTestNumberTen(tenDigits: string, separator: string): boolean {
  if (separator !== "+") return LISTED_TEN.has(tenDigits);
  if (LISTED_TEN_PLUS.has(tenDigits)) return true;
  const serial = tenDigits.slice(6, 9);
  return tenDigits >= "90" && serial >= "980" && serial <= "983";
}
