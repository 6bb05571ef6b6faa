import { makeUscc } from '../../subgraphs/kit';
import { expectData, expectError, Json } from '../support/graphql';
import { SubgraphUnderTest } from '../support/subgraph';
import {
  ACCEPT,
  Builder,
  CustomsWrites,
  DECIDE_APPLICATION,
  declarationInput,
  DRUGS,
  FILE_DECLARATION,
  freshAwb,
  itemInput,
  loadWorld,
  manifestInput,
  RECORD_RESULT,
  REGISTER_MANIFEST,
  REJECT,
  RELEASE,
  REQUIRE_INSPECTION,
  REVIEW,
  rowCounts,
  SITES,
  startCustomsWrites,
  SUBMIT_APPLICATION,
  World,
} from './operations';

let writes: CustomsWrites;
let customs: SubgraphUnderTest;
let b: Builder;
let w: World;
beforeAll(async () => {
  writes = await startCustomsWrites();
  customs = writes.customs;
  w = await loadWorld(customs.db);
  b = new Builder(customs, w);
}, 120_000);
afterAll(() => writes?.stop());

/** A well-formed USCC that no enterprise has. */
const UNKNOWN_USCC = makeUscc('91110000MA99XX9X9');

/** The AWB with its check digit off by one (still 0-6, so only the check fails). */
function wrongCheckDigit(awb: string): string {
  return awb.slice(0, -1) + String((Number(awb.slice(-1)) + 1) % 7);
}

type Case = [
  name: string,
  document: string,
  input: () => Promise<Json>,
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT',
  field: string,
  message: RegExp,
];

const manifest = (overrides: Json) => async () =>
  manifestInput(w, await freshAwb(customs.db), overrides);
const declaration = (overrides: Json) => async () =>
  declarationInput(w, await b.shipment(), overrides);
const items = (i: number, item: Json) =>
  declaration({
    items: [itemInput(), itemInput()].map((x, k) => (k === i ? { ...x, ...item } : x)),
  });

const CASES: Case[] = [
  // registerManifest
  [
    'AWB with a bad check digit',
    REGISTER_MANIFEST,
    async () => manifestInput(w, wrongCheckDigit(await freshAwb(customs.db))),
    'BAD_USER_INPUT',
    'input.awb',
    /wrong check digit/,
  ],
  [
    'AWB of 10 digits',
    REGISTER_MANIFEST,
    manifest({ awb: '172-9000001' }),
    'BAD_USER_INPUT',
    'input.awb',
    /not an air waybill number/,
  ],
  [
    'lower-case origin',
    REGISTER_MANIFEST,
    manifest({ origin: 'fra' }),
    'BAD_USER_INPUT',
    'input.origin',
    /not an IATA airport code/,
  ],
  [
    'origin equal to destination',
    REGISTER_MANIFEST,
    manifest({ origin: 'PEK' }),
    'BAD_USER_INPUT',
    'input.destination',
    /both PEK/,
  ],
  [
    'consignee with a bad USCC',
    REGISTER_MANIFEST,
    manifest({ consignee: 'ABC' }),
    'BAD_USER_INPUT',
    'input.consignee',
    /expected 18 characters/,
  ],
  [
    'unknown consignee',
    REGISTER_MANIFEST,
    manifest({ consignee: UNKNOWN_USCC }),
    'NOT_FOUND',
    'input.consignee',
    /no enterprise/,
  ],
  [
    'zero pieces',
    REGISTER_MANIFEST,
    manifest({ pieces: 0 }),
    'BAD_USER_INPUT',
    'input.pieces',
    /at least 1/,
  ],
  [
    'negative weight',
    REGISTER_MANIFEST,
    manifest({ grossWeightKg: -3 }),
    'BAD_USER_INPUT',
    'input.grossWeightKg',
    /more than 0/,
  ],
  [
    'blank shipper',
    REGISTER_MANIFEST,
    manifest({ shipper: '   ' }),
    'BAD_USER_INPUT',
    'input.shipper',
    /must not be empty/,
  ],
  [
    'an AWB registered before',
    REGISTER_MANIFEST,
    async () => manifestInput(w, await b.shipment()),
    'CONFLICT',
    'input.awb',
    /already exists/,
  ],
  // fileDeclaration: identifiers
  [
    'declaration number of 17 characters',
    FILE_DECLARATION,
    declaration({ number: '01012025100000001' }),
    'BAD_USER_INPUT',
    'input.number',
    /expected 18 characters, got 17/,
  ],
  [
    'declaration number of another office',
    FILE_DECLARATION,
    declaration({ number: '010220251000000001' }),
    'BAD_USER_INPUT',
    'input.number',
    /office 0102, but it is filed at 0101/,
  ],
  [
    'declaration number of an export for an import',
    FILE_DECLARATION,
    declaration({ number: '010120250000000001' }),
    'BAD_USER_INPUT',
    'input.number',
    /an import has 1/,
  ],
  [
    'declaration number of another year',
    FILE_DECLARATION,
    declaration({ number: '010120241000000001' }),
    'BAD_USER_INPUT',
    'input.number',
    /year 2024, but it is filed in 2025/,
  ],
  [
    'HS code of 9 digits',
    FILE_DECLARATION,
    items(1, { hsCode: '084710000' }),
    'BAD_USER_INPUT',
    'input.items[1].hsCode',
    /not a China HS code/,
  ],
  [
    'declarant with a bad check character',
    FILE_DECLARATION,
    async () =>
      declarationInput(w, await b.shipment(), {
        declarant: w.enterprise.slice(0, 17) + (w.enterprise[17] === '0' ? '1' : '0'),
      }),
    'BAD_USER_INPUT',
    'input.declarant',
    /wrong check character/,
  ],
  [
    'supervision mode of 3 digits',
    FILE_DECLARATION,
    declaration({ supervisionMode: '011' }),
    'BAD_USER_INPUT',
    'input.supervisionMode',
    /not a supervision mode code/,
  ],
  [
    'drug approval in Chinese form',
    FILE_DECLARATION,
    items(0, { drugApproval: '国药准字SJ20180023' }),
    'BAD_USER_INPUT',
    'input.items[0].drugApproval',
    /ASCII form/,
  ],
  // fileDeclaration: quantities, money, codes
  [
    'zero quantity',
    FILE_DECLARATION,
    items(0, { quantity: 0 }),
    'BAD_USER_INPUT',
    'input.items[0].quantity',
    /more than 0/,
  ],
  [
    'zero value',
    FILE_DECLARATION,
    items(1, { value: '0.00' }),
    'BAD_USER_INPUT',
    'input.items[1].value',
    /more than 0/,
  ],
  [
    'negative value',
    FILE_DECLARATION,
    items(0, { value: '-12.00' }),
    'BAD_USER_INPUT',
    'input.items[0].value',
    /non-negative decimal string/,
  ],
  [
    'value with 3 decimals',
    FILE_DECLARATION,
    items(1, { value: '12.345' }),
    'BAD_USER_INPUT',
    'input.items[1].value',
    /at most 2 decimals/,
  ],
  [
    'lower-case currency',
    FILE_DECLARATION,
    declaration({ currency: 'usd' }),
    'BAD_USER_INPUT',
    'input.currency',
    /ISO 4217/,
  ],
  [
    '3-letter origin country',
    FILE_DECLARATION,
    items(0, { originCountry: 'CHL' }),
    'BAD_USER_INPUT',
    'input.items[0].originCountry',
    /ISO 3166-1/,
  ],
  [
    'supervised as new but not remanufactured',
    FILE_DECLARATION,
    items(1, { supervisedAsNew: true }),
    'BAD_USER_INPUT',
    'input.items[1].supervisedAsNew',
    /only remanufactured/,
  ],
  [
    'no goods lines',
    FILE_DECLARATION,
    declaration({ items: [] }),
    'BAD_USER_INPUT',
    'input.items',
    /1 to 200 goods lines/,
  ],
  [
    'licence code of two letters',
    FILE_DECLARATION,
    declaration({ licences: [{ code: 'QQ', number: 'Q1' }] }),
    'BAD_USER_INPUT',
    'input.licences[0].code',
    /not a licence code/,
  ],
  [
    'the same licence twice',
    FILE_DECLARATION,
    declaration({
      licences: [
        { code: 'Q', number: 'Q1' },
        { code: 'Q', number: 'Q1' },
      ],
    }),
    'BAD_USER_INPUT',
    'input.licences[1]',
    /listed twice/,
  ],
  // fileDeclaration: times and references
  [
    'filed before the manifest',
    FILE_DECLARATION,
    declaration({ filedAt: '2025-06-01T01:59:59Z' }),
    'BAD_USER_INPUT',
    'input.filedAt',
    /before the manifest/,
  ],
  [
    'unknown shipment',
    FILE_DECLARATION,
    async () => declarationInput(w, await freshAwb(customs.db)),
    'NOT_FOUND',
    'input.awb',
    /no shipment/,
  ],
  [
    'unknown customs office',
    FILE_DECLARATION,
    declaration({ customsOffice: '0999' }),
    'NOT_FOUND',
    'input.customsOffice',
    /no customs office 0999/,
  ],
  [
    'unknown supervision mode',
    FILE_DECLARATION,
    declaration({ supervisionMode: '0999' }),
    'NOT_FOUND',
    'input.supervisionMode',
    /no supervision mode 0999/,
  ],
  [
    'unknown declarant',
    FILE_DECLARATION,
    declaration({ declarant: UNKNOWN_USCC }),
    'NOT_FOUND',
    'input.declarant',
    /no enterprise/,
  ],
  [
    'unknown bonded zone',
    FILE_DECLARATION,
    declaration({ bondedZone: 'BJ-NOWHERE-CBZ' }),
    'NOT_FOUND',
    'input.bondedZone',
    /no bonded zone/,
  ],
  [
    'unknown drug approval',
    FILE_DECLARATION,
    items(1, { drugApproval: 'SJ20990001' }),
    'NOT_FOUND',
    'input.items[1].drugApproval',
    /no drug approval/,
  ],
  [
    'EXPIRED drug approval',
    FILE_DECLARATION,
    items(0, { drugApproval: DRUGS.expired }),
    'BAD_USER_INPUT',
    'input.items[0].drugApproval',
    /is EXPIRED, not VALID/,
  ],
  [
    'SUSPENDED drug approval',
    FILE_DECLARATION,
    items(1, { drugApproval: DRUGS.suspended }),
    'BAD_USER_INPUT',
    'input.items[1].drugApproval',
    /is SUSPENDED, not VALID/,
  ],
  [
    'a number already taken',
    FILE_DECLARATION,
    async () => declarationInput(w, await b.shipment(), { number: await b.declaration() }),
    'CONFLICT',
    'input.number',
    /already exists/,
  ],
  [
    'an empty idempotency key',
    FILE_DECLARATION,
    declaration({ idempotencyKey: '' }),
    'BAD_USER_INPUT',
    'input.idempotencyKey',
    /1 to 200 characters/,
  ],
  // transitions
  [
    'malformed declaration number',
    ACCEPT,
    async () => ({ number: 'D-1' }),
    'BAD_USER_INPUT',
    'input.number',
    /not a customs declaration number/,
  ],
  [
    'unknown declaration',
    ACCEPT,
    async () => ({ number: '010119990000000001' }),
    'NOT_FOUND',
    'input.number',
    /no declaration/,
  ],
  ...[
    ['reviewDeclaration', REVIEW, {}],
    ['requireInspection', REQUIRE_INSPECTION, { facility: SITES.pek }],
  ].flatMap(([name, document, rest]): Case[] => [
    [
      `${name}: a declaration number too short`,
      document as string,
      async () => ({ number: '0101', ...(rest as Json) }),
      'BAD_USER_INPUT',
      'input.number',
      /not a customs declaration number/,
    ],
    [
      `${name}: a declaration number with letters`,
      document as string,
      async () => ({ number: '01012025100077700A', ...(rest as Json) }),
      'BAD_USER_INPUT',
      'input.number',
      /not a customs declaration number/,
    ],
    [
      `${name}: an unknown declaration`,
      document as string,
      async () => ({ number: '010119990000000001', ...(rest as Json) }),
      'NOT_FOUND',
      'input.number',
      /no declaration/,
    ],
  ]),
  [
    'expectedVersion 0',
    ACCEPT,
    async () => ({ number: await b.declaration(), expectedVersion: 0 }),
    'BAD_USER_INPUT',
    'input.expectedVersion',
    /at least 1/,
  ],
  [
    'blank rejection reason',
    REJECT,
    async () => ({ number: await b.declaration(), reason: ' ' }),
    'BAD_USER_INPUT',
    'input.reason',
    /must not be empty/,
  ],
  [
    'released before filing',
    RELEASE,
    async () => ({ number: await b.declarationIn('ACCEPTED'), releasedAt: '2025-06-01T09:00:00Z' }),
    'BAD_USER_INPUT',
    'input.releasedAt',
    /before the filing/,
  ],
  [
    'released before the inspection completed',
    RELEASE,
    async () => ({ number: await b.declarationIn('PASSED'), releasedAt: '2025-06-01T11:00:00Z' }),
    'BAD_USER_INPUT',
    'input.releasedAt',
    /before the inspection/,
  ],
  [
    'PENDING as an inspection result',
    RECORD_RESULT,
    async () => ({ number: await b.declarationIn('INSPECTION_REQUIRED'), result: 'PENDING' }),
    'BAD_USER_INPUT',
    'input.result',
    /PASSED or FAILED/,
  ],
  [
    'inspection completed before filing',
    RECORD_RESULT,
    async () => ({
      number: await b.declarationIn('INSPECTION_REQUIRED'),
      result: 'PASSED',
      completedAt: '2025-05-01T00:00:00Z',
    }),
    'BAD_USER_INPUT',
    'input.completedAt',
    /before the filing/,
  ],
  // special-goods applications
  [
    'applicant with a bad USCC',
    SUBMIT_APPLICATION,
    async () => ({ applicant: 'X', category: 'MICROORGANISM', riskLevel: 'A' }),
    'BAD_USER_INPUT',
    'input.applicant',
    /unified social credit code/,
  ],
  [
    'unknown applicant',
    SUBMIT_APPLICATION,
    async () => ({ applicant: UNKNOWN_USCC, category: 'MICROORGANISM', riskLevel: 'A' }),
    'NOT_FOUND',
    'input.applicant',
    /no enterprise/,
  ],
  [
    'covered shipment with a bad AWB',
    SUBMIT_APPLICATION,
    async () => ({
      applicant: w.enterprise,
      category: 'MICROORGANISM',
      riskLevel: 'A',
      shipments: [await b.shipment(), '172-1234567'],
    }),
    'BAD_USER_INPUT',
    'input.shipments[1]',
    /not an air waybill number/,
  ],
  [
    'unknown covered shipment',
    SUBMIT_APPLICATION,
    async () => ({
      applicant: w.enterprise,
      category: 'MICROORGANISM',
      riskLevel: 'A',
      shipments: [await b.shipment(), await freshAwb(customs.db)],
    }),
    'NOT_FOUND',
    'input.shipments[1]',
    /no shipment/,
  ],
  [
    'the same shipment twice',
    SUBMIT_APPLICATION,
    async () => {
      const awb = await b.shipment();
      return {
        applicant: w.enterprise,
        category: 'MICROORGANISM',
        riskLevel: 'A',
        shipments: [awb, awb],
      };
    },
    'BAD_USER_INPUT',
    'input.shipments[1]',
    /listed twice/,
  ],
  [
    'unknown consolidated import',
    SUBMIT_APPLICATION,
    async () => ({
      applicant: w.agent,
      category: 'BIOLOGICAL_PRODUCT',
      riskLevel: 'D',
      consolidatedImport: 'CI-1999-000001',
    }),
    'NOT_FOUND',
    'input.consolidatedImport',
    /no consolidated import/,
  ],
  [
    "another agent's consolidated import",
    SUBMIT_APPLICATION,
    async () => ({
      applicant: w.agent,
      category: 'BIOLOGICAL_PRODUCT',
      riskLevel: 'D',
      consolidatedImport: w.foreignImport,
    }),
    'BAD_USER_INPUT',
    'input.consolidatedImport',
    /not to the applicant/,
  ],
  [
    'a rejection without a reason',
    DECIDE_APPLICATION,
    async () => ({ number: await application(), decision: 'REJECTED' }),
    'BAD_USER_INPUT',
    'input.reason',
    /needs a `reason`/,
  ],
  [
    'validUntil on a rejection',
    DECIDE_APPLICATION,
    async () => ({
      number: await application(),
      decision: 'REJECTED',
      reason: 'r',
      validUntil: '2026-01-01',
    }),
    'BAD_USER_INPUT',
    'input.validUntil',
    /only by an approval/,
  ],
  [
    'decided before submission',
    DECIDE_APPLICATION,
    async () => ({
      number: await application(),
      decision: 'APPROVED',
      decidedAt: '2023-12-31T00:00:00Z',
    }),
    'BAD_USER_INPUT',
    'input.decidedAt',
    /before the submission/,
  ],
  [
    'valid until before the decision',
    DECIDE_APPLICATION,
    async () => ({
      number: await application(),
      decision: 'APPROVED',
      decidedAt: '2024-02-01T00:00:00Z',
      validUntil: '2024-01-31',
    }),
    'BAD_USER_INPUT',
    'input.validUntil',
    /before the day of the decision/,
  ],
  [
    'unknown application',
    DECIDE_APPLICATION,
    async () => ({ number: 'SGA-NOPE', decision: 'APPROVED' }),
    'NOT_FOUND',
    'input.number',
    /no special-goods application/,
  ],
];

async function application(): Promise<string> {
  const data = expectData(
    await customs.graphql(SUBMIT_APPLICATION, {
      input: {
        applicant: w.enterprise,
        category: 'BLOOD_PRODUCT',
        riskLevel: 'B',
        submittedAt: '2024-01-01T00:00:00Z',
      },
    }),
  );
  return data.submitSpecialGoodsApplication.number;
}

// Titled by what is wrong and the code it gets (the document would make an unreadable title).
const titled = CASES.map(([name, ...rest]): Case => [`${name} → ${rest[2]}`, ...rest]);

test.each(titled)('%s', async (_name, document, input, code, field, message) => {
  const variables = { input: await input() };
  const counts = await rowCounts(customs.db);
  expectError(await customs.graphql(document, variables), code, { field, message });
  expect(await rowCounts(customs.db)).toEqual(counts);
});

test('a money string the Decimal scalar cannot read is refused before the resolver runs', async () => {
  const input = await items(0, { value: '12,50' })();
  const counts = await rowCounts(customs.db);
  expectError(await customs.graphql(FILE_DECLARATION, { input }), 'BAD_USER_INPUT', {
    field: 'input.items[0].value',
    message: /Decimal cannot represent "12,50"/,
  });
  expect(await rowCounts(customs.db)).toEqual(counts);
});

test('a valid number given by the declarant is kept', async () => {
  const awb = await b.shipment();
  const number = '010120251000777001';
  const filed = expectData(
    await customs.graphql(FILE_DECLARATION, { input: declarationInput(w, awb, { number }) }),
  ).fileDeclaration;
  expect(filed.number).toBe(number);
  const exported = expectData(
    await customs.graphql(FILE_DECLARATION, {
      input: declarationInput(w, awb, { direction: 'EXPORT', number: '010120250000777001' }),
    }),
  ).fileDeclaration;
  expect(exported).toMatchObject({ number: '010120250000777001', direction: 'EXPORT' });
});
