import { badUserInput } from '../../kit';

/**
 * Checks of mutation inputs beyond identifier formats (those are the kit's `check*`). Each throws
 * BAD_USER_INPUT naming the offending field (`input.items[1].value`) or returns the clean value.
 */

/** Trimmed, non-empty text of at most `max` characters. */
export function text(value: string, field: string, max = 500): string {
  const trimmed = value.trim();
  if (trimmed === '') throw badUserInput(`\`${field}\` must not be empty`, field);
  if (trimmed.length > max) {
    throw badUserInput(`\`${field}\` is too long: at most ${max} characters`, field);
  }
  return trimmed;
}

export function optionalText(
  value: string | null | undefined,
  field: string,
  max = 1000,
): string | null {
  return value == null ? null : text(value, field, max);
}

export function positiveInt(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw badUserInput(`\`${field}\` must be a whole number of at least 1, got ${value}`, field);
  }
  return value;
}

export function positiveNumber(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw badUserInput(`\`${field}\` must be more than 0, got ${value}`, field);
  }
  return value;
}

const MONEY = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

/** An amount of money as the database keeps it (numeric(18, 2)), in cents. */
export function moneyCents(value: string, field: string): bigint {
  const m = MONEY.exec(value);
  if (!m) {
    throw badUserInput(
      `\`${field}\` must be a non-negative decimal string with at most 2 decimals, like "1234.50", got "${value}"`,
      field,
    );
  }
  const cents = BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (cents <= 0n) throw badUserInput(`\`${field}\` must be more than 0, got "${value}"`, field);
  return cents;
}

export function centsToDecimal(cents: bigint): string {
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** The total fits numeric(18, 2): 16 integer digits. */
export function totalCents(values: bigint[], field: string): bigint {
  const total = values.reduce((sum, v) => sum + v, 0n);
  if (total >= 10n ** 18n) throw badUserInput(`the total value is too large`, field);
  return total;
}

export function currency(value: string, field: string): string {
  if (!/^[A-Z]{3}$/.test(value)) {
    throw badUserInput(
      `"${value}" is not an ISO 4217 currency code: expected 3 upper-case letters, like USD`,
      field,
    );
  }
  return value;
}

export function countryCode(value: string, field: string): string {
  if (!/^[A-Z]{2}$/.test(value)) {
    throw badUserInput(
      `"${value}" is not an ISO 3166-1 country code: expected 2 upper-case letters, like CL`,
      field,
    );
  }
  return value;
}

/** ASCII form of an NMPA approval: H/Z/S, J (abroad) or C (HK/Macao/Taiwan) or none, 8 digits. */
export function drugApprovalNumber(value: string, field: string): string {
  if (!/^[HZS][JC]?\d{8}$/.test(value)) {
    throw badUserInput(
      `"${value}" is not a drug approval number: expected its ASCII form, H/Z/S, an optional J or C, year and serial, like SJ20180023`,
      field,
    );
  }
  return value;
}

export function licenceCode(value: string, field: string): string {
  if (!/^[A-Z0-9]$/.test(value)) {
    throw badUserInput(
      `"${value}" is not a licence code: expected one upper-case letter or digit, like Q`,
      field,
    );
  }
  return value;
}

/** `later` is not before `earlier`; the message names both instants. */
export function notBefore(
  later: Date,
  earlier: Date,
  field: string,
  laterName: string,
  earlierName: string,
): void {
  if (later.getTime() < earlier.getTime()) {
    throw badUserInput(
      `${laterName} (${later.toISOString()}) is before ${earlierName} (${earlier.toISOString()})`,
      field,
    );
  }
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Beijing (UTC+8, no daylight saving) of an instant, `YYYY-MM-DD`. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function beijingYear(at: Date): number {
  return Number(beijingDate(at).slice(0, 4));
}

/** `date` plus `months` calendar months, minus one day (a validity period's last day). */
export function lastDayAfterMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // Clamp like a calendar does (31 Jan + 1 month = 28/29 Feb) before taking one day off.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** No two entries give the same key; names the second occurrence. */
export function distinct<T>(
  list: readonly T[],
  key: (item: T) => string,
  field: (i: number) => string,
  what: string,
): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw badUserInput(`${what} ${k} is listed twice`, field(i));
    seen.add(k);
  });
}
