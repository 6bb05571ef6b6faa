import { badUserInput, checkHsCode, assertValid } from '../../kit';
import { TradeDirection } from '../entities/declaration';
import { FileDeclarationInput } from '../entities/inputs/file-declaration-input';
import {
  checkReference,
  checkSupervisionModeCode,
  validAwb,
  validDeclarationNumber,
  validUscc,
} from '../validation';
import {
  beijingYear,
  centsToDecimal,
  countryCode,
  currency,
  distinct,
  drugApprovalNumber,
  licenceCode,
  moneyCents,
  positiveNumber,
  text,
  totalCents,
} from './input-checks';

export interface DeclarationItemRow {
  line: number;
  hsCode: string;
  description: string;
  quantity: number;
  unit: string;
  value: string;
  originCountry: string;
  remanufactured: boolean;
  supervisedAsNew: boolean;
  drugApprovalNumber: string | null;
}

/** A declaration to file, every field checked; `number` null means "assign the next serial". */
export interface NewDeclaration {
  awb: string;
  number: string | null;
  direction: TradeDirection;
  customsOfficeCode: string;
  supervisionModeCode: string;
  declarantUscc: string;
  filedAt: Date;
  currency: string;
  totalValue: string;
  bondedZoneCode: string | null;
  items: DeclarationItemRow[];
  licences: { code: string; number: string }[];
}

export const MAX_ITEMS = 200;

function validItems(input: FileDeclarationInput): { items: DeclarationItemRow[]; total: string } {
  if (input.items.length === 0 || input.items.length > MAX_ITEMS) {
    throw badUserInput(
      `a declaration has 1 to ${MAX_ITEMS} goods lines, got ${input.items.length}`,
      'input.items',
    );
  }
  const cents: bigint[] = [];
  const items = input.items.map((item, i) => {
    const f = (name: string) => `input.items[${i}].${name}`;
    assertValid(checkHsCode(item.hsCode), f('hsCode'));
    cents.push(moneyCents(item.value, f('value')));
    const remanufactured = item.remanufactured ?? false;
    const supervisedAsNew = item.supervisedAsNew ?? false;
    if (supervisedAsNew && !remanufactured) {
      throw badUserInput(
        'only remanufactured goods can be supervised as new: set `remanufactured` too',
        f('supervisedAsNew'),
      );
    }
    return {
      line: i + 1,
      hsCode: item.hsCode,
      description: text(item.description, f('description')),
      quantity: positiveNumber(item.quantity, f('quantity')),
      unit: text(item.unit, f('unit'), 20),
      value: centsToDecimal(cents[i]),
      originCountry: countryCode(item.originCountry, f('originCountry')),
      remanufactured,
      supervisedAsNew,
      drugApprovalNumber:
        item.drugApproval == null ? null : drugApprovalNumber(item.drugApproval, f('drugApproval')),
    };
  });
  return { items, total: centsToDecimal(totalCents(cents, 'input.items')) };
}

/** The given number agrees with the office, the direction and the year of filing (Beijing time). */
function validNumber(
  number: string,
  office: string,
  direction: TradeDirection,
  filedAt: Date,
): string {
  const field = 'input.number';
  validDeclarationNumber(number, field);
  if (number.slice(0, 4) !== office) {
    throw badUserInput(
      `declaration number ${number} starts with office ${number.slice(0, 4)}, but it is filed at ${office}`,
      field,
    );
  }
  const digit = direction === TradeDirection.IMPORT ? '1' : '0';
  if (number[8] !== digit) {
    throw badUserInput(
      `declaration number ${number} has ${number[8]} in position 9, but an ${direction.toLowerCase()} has ${digit}`,
      field,
    );
  }
  const year = beijingYear(filedAt);
  if (Number(number.slice(4, 8)) !== year) {
    throw badUserInput(
      `declaration number ${number} is of year ${number.slice(4, 8)}, but it is filed in ${year}`,
      field,
    );
  }
  return number;
}

export function validDeclaration(input: FileDeclarationInput, now: Date): NewDeclaration {
  const f = (name: string) => `input.${name}`;
  const awb = validAwb(input.awb, f('awb'));
  assertValid(
    /^\d{4}$/.test(input.customsOffice)
      ? null
      : `"${input.customsOffice}" is not a customs office code: expected 4 digits, like 0101`,
    f('customsOffice'),
  );
  assertValid(checkSupervisionModeCode(input.supervisionMode), f('supervisionMode'));
  const declarantUscc = validUscc(input.declarant, f('declarant'));
  const filedAt = input.filedAt ?? now;
  const number =
    input.number == null
      ? null
      : validNumber(input.number, input.customsOffice, input.direction, filedAt);
  const cur = currency(input.currency, f('currency'));
  if (input.bondedZone != null)
    assertValid(checkReference(input.bondedZone, 'a bonded zone code'), f('bondedZone'));
  const { items, total } = validItems(input);
  const licences = (input.licences ?? []).map((l, i) => ({
    code: licenceCode(l.code, `input.licences[${i}].code`),
    number: text(l.number, `input.licences[${i}].number`, 64),
  }));
  distinct(
    licences,
    (l) => `${l.code} ${l.number}`,
    (i) => `input.licences[${i}]`,
    'licence',
  );
  return {
    awb,
    number,
    direction: input.direction,
    customsOfficeCode: input.customsOffice,
    supervisionModeCode: input.supervisionMode,
    declarantUscc,
    filedAt,
    currency: cur,
    totalValue: total,
    bondedZoneCode: input.bondedZone ?? null,
    items,
    licences,
  };
}
