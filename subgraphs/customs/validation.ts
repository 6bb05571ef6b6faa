import {
  assertValid,
  badUserInput,
  checkAirportCode,
  checkAwb,
  checkDeclarationNumber,
  checkUscc,
  isValidDate,
  normalizeAwb,
} from '../kit';

/**
 * Argument checks that turn a malformed identifier into a BAD_USER_INPUT error naming the
 * argument (`extensions.field`). Well-formed but unknown identifiers are not errors: they give null.
 */

/** Accepts `99931415926` or `999-31415926`; returns the display form `999-31415926`. */
export function validAwb(value: string, field = 'awb'): string {
  assertValid(checkAwb(value), field);
  return normalizeAwb(value)!;
}

export function validDeclarationNumber(value: string, field = 'number'): string {
  assertValid(checkDeclarationNumber(value), field);
  return value;
}

export function validUscc(value: string, field = 'uscc'): string {
  assertValid(checkUscc(value), field);
  return value;
}

export function validAirport(value: string, field: string): string {
  assertValid(checkAirportCode(value), field);
  return value;
}

export function checkSupervisionModeCode(value: string): string | null {
  return /^\d{4}$/.test(value)
    ? null
    : `"${value}" is not a supervision mode code: expected 4 digits, like 0110 or 1210`;
}

/** Zone codes and special-goods application numbers have no published format: be lenient. */
export function checkReference(value: string, what: string): string | null {
  if (value.trim() === '') return `${what} must not be empty`;
  if (value.length > 64) return `${what} is too long: at most 64 characters, got ${value.length}`;
  return null;
}

export const MAX_STATS_RANGE_DAYS = 1096;

/** `from` <= `to`, and at most MAX_STATS_RANGE_DAYS days inclusive (about three years). */
export function validDateRange(from: string, to: string): void {
  for (const [value, field] of [
    [from, 'from'],
    [to, 'to'],
  ] as const) {
    if (!isValidDate(value)) throw badUserInput(`"${value}" is not a date YYYY-MM-DD`, field);
  }
  if (from > to) throw badUserInput(`\`from\` (${from}) is after \`to\` (${to})`, 'to');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_STATS_RANGE_DAYS) {
    throw badUserInput(
      `the range ${from} to ${to} spans ${days} days: at most ${MAX_STATS_RANGE_DAYS} are allowed`,
      'to',
    );
  }
}
