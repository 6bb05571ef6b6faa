/**
 * NMPA drug approval numbers (国药准字). The kit has no checker for them, since only the drug
 * regulator uses them: the official form is `国药准字` + H/Z/S (chemical / TCM / biologic) +
 * optional J (made abroad) or C (Hong Kong, Macao, Taiwan) + 8 digits (year + serial); the API's
 * key is the ASCII form without the prefix.
 */

export const APPROVAL_PREFIX = '国药准字';
const ASCII_APPROVAL = /^[HZS][JC]?\d{8}$/;

/** The ASCII form of an approval number given in either form, or null when it is not one. */
export function normalizeApprovalNumber(value: string): string | null {
  let text = value.trim();
  if (text.startsWith(APPROVAL_PREFIX)) text = text.slice(APPROVAL_PREFIX.length).trim();
  return ASCII_APPROVAL.test(text) ? text : null;
}

export function checkApprovalNumber(value: string): string | null {
  return normalizeApprovalNumber(value) === null
    ? `"${value}" is not a drug approval number: expected H, Z or S, an optional J or C, and 8 digits (year and serial), like SJ20180023 or 国药准字SJ20180023`
    : null;
}

/** The official (Chinese) form, e.g. 国药准字SJ20180023. */
export function officialApprovalNumber(ascii: string): string {
  return `${APPROVAL_PREFIX}${ascii}`;
}
