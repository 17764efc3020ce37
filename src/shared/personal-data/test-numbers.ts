// Skatteverket publishes its test personnummer as a list of about 22 000 numbers, not as a rule:
// dense daily series for births 1890–1912 (serials 980/981, picked per day) and 1990–2023
// (238/239), scattered ones in between, gaps and outliers. The whole list (test-number-list.ts,
// generated) is ~9 KB gzip, more than the send check's size budget leaves, and the send check
// does not use the flag (a test number is blocked like any other). So the task pane's engine
// chunk loads the list (loadTestNumberList); without it the flag is conservative: Tolvan, the
// list's outlier, and births before 1900 with the list's serials (no living person has such a
// number, so the flag can never mislabel one). The flag never changes the severity.

const LISTED: ReadonlySet<string> = new Set([
  // "Tolvan Tolvansson", the test number every Swedish system knows.
  "191212121212",
  // The list's outlier serial on 1890-12-21.
  "189012219367",
]);

/** 1890-01-01 as days since 1970-01-01: day 0 of the encoded list. */
export const TEST_NUMBER_EPOCH_DAY = Date.UTC(1890, 0, 1) / 86_400_000;

/** Date and serial (11 digits, the check digit follows) of every listed number, once loaded. */
let listed: Set<string> | null = null;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Installs Skatteverket's whole list (TEST_NUMBER_LIST of test-number-list.ts). */
export function installTestNumberList(encoded: string): void {
  const set = new Set<string>();
  for (const part of encoded.split(";")) {
    const serial = part.slice(0, 3);
    let day = 0;
    for (const gap of part.slice(3).split(",")) {
      day += parseInt(gap, 36);
      const date = new Date((TEST_NUMBER_EPOCH_DAY + day) * 86_400_000);
      const ymd =
        pad(date.getUTCFullYear(), 4) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2);
      set.add(ymd + serial);
    }
  }
  listed = set;
}

/** True for a 12-digit personnummer known to be on Skatteverket's list of test numbers. */
export function isSkatteverketTestNumber(twelveDigits: string): boolean {
  if (LISTED.has(twelveDigits)) return true;
  if (listed?.has(twelveDigits.slice(0, 11))) return true;
  const year = Number(twelveDigits.slice(0, 4));
  const serial = twelveDigits.slice(8, 11);
  return year >= 1890 && year <= 1899 && serial >= "980" && serial <= "983";
}

// The listed numbers' last ten digits, by what a 10-digit form's separator says about the
// century: "+" for 100 years or older (1800s, 1900s), otherwise the last 100 years.
const LISTED_TEN_PLUS = new Set([...LISTED].filter((n) => n < "20").map((n) => n.slice(2)));
const LISTED_TEN = new Set([...LISTED].filter((n) => n >= "19").map((n) => n.slice(2)));

/**
 * The same check for a 10-digit number, with the separator it was written with: "+" means 100
 * years or older, anything else younger (Skatteverket's rule), which picks the century.
 */
export function isSkatteverketTestNumberTen(
  tenDigits: string,
  separator: string,
  thisYear?: number,
): boolean {
  if (listed) {
    const now = thisYear ?? new Date().getFullYear();
    const yy = Number(tenDigits.slice(0, 2));
    let year = Math.floor(now / 100) * 100 + yy;
    if (year > now) year -= 100;
    if (separator === "+") year -= 100;
    if (isSkatteverketTestNumber(String(year) + tenDigits.slice(2))) return true;
  }
  if (separator !== "+") return LISTED_TEN.has(tenDigits);
  if (LISTED_TEN_PLUS.has(tenDigits)) return true;
  const serial = tenDigits.slice(6, 9);
  return tenDigits >= "90" && serial >= "980" && serial <= "983";
}
