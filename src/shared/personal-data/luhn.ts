/**
 * Luhn ("modulus 10, vikter 2-1") check digit over `digits[from..to)`, weights 2,1,2,1… from the
 * left, as Skatteverket computes it for personnummer (SKV 704) and the regions for their
 * reservnummer. Letters are not accepted: callers map them to digits first.
 */
export function luhnCheckDigit(digits: string, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    let v = (digits.charCodeAt(i) - 48) * ((i - from) % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

export function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/** The two-digit number at `index` (no validation; callers pass digit strings). */
export function twoDigits(text: string, index: number): number {
  return digitAt(text, index) * 10 + digitAt(text, index + 1);
}
