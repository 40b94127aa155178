/** Check digits of Chinese identity numbers and bank cards (pure functions, no I/O). */

/** GB 11643-1999 weights for positions 1–17 (= 2^(18−i) mod 11). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Province-level codes of GB/T 2260 (and 83 for Taiwan residents' residence permits). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

function isDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1]!; // 1 <= month <= 12, checked above
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  ID_WEIGHTS.forEach((weight, i) => (sum += (first17.charCodeAt(i) - 48) * weight));
  return ID_CHECK.charAt(sum % 11);
}

/** A valid 18-digit 公民身份号码: province code, birth date and check character. */
export function isValidId18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099 || !isDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return idCheckChar(id.slice(0, 17)) === id.charAt(17).toUpperCase();
}

/** A plausible old 15-digit number (no check digit): province code and a 19YY birth date. */
export function isValidId15(id: string): boolean {
  if (!/^\d{15}$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  return isDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

/** ISO/IEC 7812-1 Luhn check over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * Keeps the first `keep` and the last `keepEnd` characters and masks the rest (最少化原则):
 * 1101**********002X, 138****5678.
 */
export function mask(value: string, keep = 4, keepEnd = keep): string {
  if (value.length <= keep + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keep) + '*'.repeat(value.length - keep - keepEnd) + value.slice(value.length - keepEnd);
}
