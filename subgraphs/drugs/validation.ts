import { assertValid, badUserInput, checkAwb, checkUscc, normalizeAwb } from '../kit';
import { DrugCategory } from './entities/drug-approval';
import {
  AddConsolidatedLineInput,
  LinkConsolidatedShipmentInput,
  QualifyAgentInput,
  RegisterDrugApprovalInput,
  SetDrugApprovalStatusInput,
} from './entities/inputs';

/**
 * Input checks of the drugs API (mutations' inputs, query arguments, entity keys), run before
 * anything is read or written. Each failure is a BAD_USER_INPUT naming the offending field
 * (`input.validUntil`). The checkers return the input's normalised values (ASCII approval
 * number, trimmed text, canonical AWB).
 */

const MAX_TEXT = 500;

/** Today's date in Beijing, `YYYY-MM-DD`: validity dates are Beijing calendar days. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function text(value: string, field: string, max = MAX_TEXT): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(`\`${field}\` must not be empty`, field);
  if (trimmed.length > max)
    throw badUserInput(`\`${field}\` is longer than ${max} characters`, field);
  return trimmed;
}

/**
 * NMPA drug approval numbers (国药准字). The kit has no checker for them, since only the drug
 * regulator uses them: the official form is `国药准字` + H/Z/S (chemical / TCM / biologic) +
 * optional J (made abroad) or C (Hong Kong, Macao, Taiwan) + 8 digits (year + serial); the API's
 * key is the ASCII form without the prefix.
 */
const APPROVAL_PREFIX = '国药准字';
const ASCII_APPROVAL = /^[HZS][JC]?\d{8}$/;

/** The ASCII form of an approval number given in either form, or null when it is not one. */
export function normalizeApprovalNumber(value: string): string | null {
  let ascii = value.trim();
  if (ascii.startsWith(APPROVAL_PREFIX)) ascii = ascii.slice(APPROVAL_PREFIX.length).trim();
  return ASCII_APPROVAL.test(ascii) ? ascii : null;
}

/** The official (Chinese) form, e.g. 国药准字SJ20180023. */
export function officialApprovalNumber(ascii: string): string {
  return `${APPROVAL_PREFIX}${ascii}`;
}

/** The ASCII form of an approval number given in either form; BAD_USER_INPUT otherwise. */
export function approvalNumber(value: string, field: string): string {
  const ascii = normalizeApprovalNumber(value);
  if (ascii === null) {
    throw badUserInput(
      `"${value}" is not a drug approval number: expected H, Z or S, an optional J or C, and 8 digits (year and serial), like SJ20180023 or 国药准字SJ20180023`,
      field,
    );
  }
  return ascii;
}

export function uscc(value: string, field: string): string {
  assertValid(checkUscc(value), field);
  return value;
}

function countryCode(value: string, field: string): string {
  if (!/^[A-Z]{2}$/.test(value)) {
    throw badUserInput(
      `"${value}" is not a country code: expected ISO 3166-1 alpha-2, two upper-case letters like "CH"`,
      field,
    );
  }
  return value;
}

function categories(values: DrugCategory[], field: string): DrugCategory[] {
  if (values.length === 0) throw badUserInput(`\`${field}\` needs at least one category`, field);
  return [...new Set(values)].sort();
}

export interface ApprovalToRegister {
  number: string;
  productName: string;
  category: DrugCategory;
  manufacturer: string;
  originCountry: string;
  approvedOn: string;
  validUntil: string;
  safetyAssessed: boolean;
  approvedUnitIds: string[];
}

export function checkRegisterDrugApproval(
  input: RegisterDrugApprovalInput,
  today = beijingToday(),
): ApprovalToRegister {
  const number = approvalNumber(input.number, 'input.number');
  const productName = text(input.productName, 'input.productName');
  const manufacturer = text(input.manufacturer, 'input.manufacturer');
  const originCountry = countryCode(input.originCountry, 'input.originCountry');
  if (input.validUntil < input.approvedOn) {
    throw badUserInput(
      `\`input.validUntil\` (${input.validUntil}) is before \`input.approvedOn\` (${input.approvedOn})`,
      'input.validUntil',
    );
  }
  if (input.validUntil < today) {
    throw badUserInput(
      `\`input.validUntil\` (${input.validUntil}) is already past (today is ${today} in Beijing): an approval is registered while it is valid`,
      'input.validUntil',
    );
  }
  const seen = new Set<string>();
  input.approvedUnitIds.forEach((id, i) => {
    const field = `input.approvedUnitIds[${i}]`;
    text(id, field);
    if (seen.has(id)) throw badUserInput(`institution "${id}" is listed twice`, field);
    seen.add(id);
  });
  return {
    number,
    productName,
    category: input.category,
    manufacturer,
    originCountry,
    approvedOn: input.approvedOn,
    validUntil: input.validUntil,
    safetyAssessed: input.safetyAssessed,
    approvedUnitIds: [...input.approvedUnitIds],
  };
}

export function checkSetDrugApprovalStatus(input: SetDrugApprovalStatusInput): {
  number: string;
  reason: string;
} {
  return {
    number: approvalNumber(input.number, 'input.number'),
    reason: text(input.reason, 'input.reason', 1000),
  };
}

export function checkQualifyAgent(
  input: QualifyAgentInput,
  today = beijingToday(),
): { uscc: string; qualifiedSince: string; categories: DrugCategory[] } {
  const id = uscc(input.uscc, 'input.uscc');
  if (input.qualifiedSince > today) {
    throw badUserInput(
      `\`input.qualifiedSince\` (${input.qualifiedSince}) is in the future (today is ${today} in Beijing)`,
      'input.qualifiedSince',
    );
  }
  return {
    uscc: id,
    qualifiedSince: input.qualifiedSince,
    categories: categories(input.categories, 'input.categories'),
  };
}

export function checkAddConsolidatedLine(input: AddConsolidatedLineInput): {
  approvalNumber: string;
  institutionId: string;
  quantity: number;
  unit: string;
} {
  const number = approvalNumber(input.approvalNumber, 'input.approvalNumber');
  const institutionId = text(input.institutionId, 'input.institutionId');
  if (!Number.isFinite(input.quantity) || input.quantity <= 0) {
    throw badUserInput(
      `\`input.quantity\` must be greater than 0, got ${input.quantity}`,
      'input.quantity',
    );
  }
  return {
    approvalNumber: number,
    institutionId,
    quantity: input.quantity,
    unit: text(input.unit, 'input.unit', 50),
  };
}

export function checkLinkConsolidatedShipment(input: LinkConsolidatedShipmentInput): {
  awb: string;
} {
  assertValid(checkAwb(input.awb), 'input.awb');
  return { awb: normalizeAwb(input.awb)! };
}
