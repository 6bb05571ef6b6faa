/**
 * Formats of the public trade identifiers that every agency exchanges (AWB, customs declaration
 * number, HS code, unified social credit code, IATA codes, flight numbers). Each `check*` returns
 * null when the value is valid and otherwise a sentence saying what is wrong, so callers can turn
 * it into a BAD_USER_INPUT error with the field name attached.
 */

const AWB_PATTERN = /^(\d{3})-?(\d{7})(\d)$/;

/** Canonical AWB display form `PPP-SSSSSSSC`, or null when the text is not an 11-digit AWB. */
export function normalizeAwb(value: string): string | null {
  const m = AWB_PATTERN.exec(value.trim());
  return m ? `${m[1]}-${m[2]}${m[3]}` : null;
}

/** The AWB check digit: the 7-digit serial modulo 7 (IATA Resolution 600a). */
export function awbCheckDigit(serial: number): number {
  return serial % 7;
}

export function checkAwb(value: string): string | null {
  const m = AWB_PATTERN.exec(value.trim());
  if (!m) {
    return `"${value}" is not an air waybill number: expected 3-digit prefix, 7-digit serial and check digit, like 999-31415926`;
  }
  const expected = awbCheckDigit(Number(m[2]));
  if (Number(m[3]) !== expected) {
    return `"${value}" has a wrong check digit: serial ${m[2]} mod 7 is ${expected}, so the AWB ends in ${expected}`;
  }
  return null;
}

/** Builds a valid AWB from an airline prefix and a 7-digit serial. */
export function makeAwb(prefix: string, serial: number): string {
  const s = String(serial).padStart(7, '0');
  return `${prefix}-${s}${awbCheckDigit(serial)}`;
}

const DECLARATION_PATTERN = /^(\d{4})(\d{4})([01])(\d{9})$/;

/** GACC declaration number: office (4) + year (4) + 1 import / 0 export + 9-digit serial. */
export function checkDeclarationNumber(value: string): string | null {
  if (value.length !== 18) {
    return `"${value}" is not a customs declaration number: expected 18 characters, got ${value.length}`;
  }
  if (!DECLARATION_PATTERN.test(value)) {
    return `"${value}" is not a customs declaration number: expected office code (4 digits), year (4), 1 for import or 0 for export, and a 9-digit serial`;
  }
  return null;
}

export function makeDeclarationNumber(
  office: string,
  year: number,
  direction: 'IMPORT' | 'EXPORT',
  serial: number,
): string {
  return `${office}${year}${direction === 'IMPORT' ? 1 : 0}${String(serial).padStart(9, '0')}`;
}

export function checkHsCode(value: string): string | null {
  return /^\d{10}$/.test(value)
    ? null
    : `"${value}" is not a China HS code: expected 10 digits (8-digit tariff line + 2 national digits)`;
}

// GB 32100-2015: 18 characters from this alphabet (no I, O, Z, S, V); the last is a check character.
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkUscc(value: string): string | null {
  if (value.length !== 18) {
    return `"${value}" is not a unified social credit code: expected 18 characters, got ${value.length}`;
  }
  for (const ch of value) {
    if (!USCC_ALPHABET.includes(ch)) {
      return `"${value}" is not a unified social credit code: "${ch}" is not allowed (digits and upper-case letters except I, O, S, V, Z)`;
    }
  }
  const expected = usccCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    return `"${value}" has a wrong check character: expected ${expected}`;
  }
  return null;
}

/** Builds a valid USCC from its first 17 characters. */
export function makeUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

export function checkAirportCode(value: string): string | null {
  return /^[A-Z]{3}$/.test(value)
    ? null
    : `"${value}" is not an IATA airport code: expected 3 upper-case letters, like PKX`;
}

export function checkAirlineCode(value: string): string | null {
  return /^[A-Z0-9]{2}$/.test(value)
    ? null
    : `"${value}" is not an IATA airline designator: expected 2 letters or digits, like CA`;
}

export function checkFlightNumber(value: string): string | null {
  return /^[A-Z0-9]{2}\d{1,4}[A-Z]?$/.test(value)
    ? null
    : `"${value}" is not a flight number: expected an airline designator, 1 to 4 digits and an optional letter, like CA931`;
}
