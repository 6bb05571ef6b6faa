import { Database, makeAwb, makeDeclarationNumber, makeUscc } from '../../subgraphs/kit';

/**
 * A small, explicit customs data set. The 2024 part is hand-made for exact assertions (clearance
 * statistics, one shipment of each clearance status, special goods); the 2025 part is a regular
 * grid of 30 shipments for pagination, filters and batching. Every identifier is valid.
 */

export const E = {
  /** Consignee and declarant of most shipments. */
  alpha: makeUscc('91110105MA00AB1C1'),
  beta: makeUscc('91110115MA00CD2E2'),
  /** A qualified drug import agent. */
  agent: makeUscc('91110108MA00FG3H3'),
  /** Registered, but in no shipment. */
  idle: makeUscc('91110000MA00JK4L4'),
};

export const enterprises = [
  { uscc: E.alpha, name: 'Alpha Trading (Beijing) Co., Ltd.', rating: 'ADVANCED_CERTIFIED' },
  { uscc: E.beta, name: 'Beta Cross-Border E-commerce Co., Ltd.', rating: 'GENERAL_CERTIFIED' },
  { uscc: E.agent, name: 'Gamma Pharma Import Agent Co., Ltd.', rating: 'ADVANCED_CERTIFIED' },
  { uscc: E.idle, name: 'Delta Idle Co., Ltd.', rating: 'REGISTERED' },
];

export const offices = [
  { code: '0101', name: 'Capital Airport Customs' },
  { code: '0105', name: 'Daxing Airport Customs' },
];

export const modes = [
  { code: '0110', name: 'General trade' },
  { code: '1210', name: 'Bonded CBEC' },
  { code: '5034', name: 'Logistics goods inside a special customs zone' },
  { code: '9610', name: 'CBEC direct mail (B2C)' },
];

export const zones = [
  {
    code: 'BJ-DAXING-CBZ',
    name: 'Daxing Airport Comprehensive Bonded Zone',
    airport: 'PKX',
    model: 'ZONE_PORT_INTEGRATION',
    area: 4.35,
    openedOn: '2020-11-05',
  },
  {
    code: 'BJ-ZGC-CBZ',
    name: 'Zhongguancun Comprehensive Bonded Zone',
    airport: null,
    model: 'SMART_SUPERVISION',
    area: 0.401,
    openedOn: '2024-08-28',
  },
];

export interface ShipmentFixture {
  awb: string;
  origin: string;
  destination: string;
  portOfEntry: string;
  shipper: string;
  consignee: string;
  pieces: number;
  weightKg: number;
  goods: string;
  manifestedAt: string;
  clearanceStatus: string;
  releasedAt: string | null;
}

export interface DeclarationFixture {
  number: string;
  awb: string;
  office: string;
  mode: string;
  status: string;
  declarant: string;
  filedAt: string;
  releasedAt: string | null;
  rejectionReason?: string;
  totalValue: string;
  currency: string;
  zone: string | null;
  inspection?: {
    required: boolean;
    site: string | null;
    result: string | null;
    completedAt: string | null;
  };
}

export interface ItemFixture {
  declaration: string;
  line: number;
  hsCode: string;
  description: string;
  quantity: number;
  unit: string;
  value: string;
  currency: string;
  originCountry: string;
  remanufactured: boolean;
  supervisedAsNew: boolean;
  drugApproval: string | null;
}

export interface LicenceFixture {
  declaration: string;
  code: string;
  number: string;
}

const ship = (
  awb: string,
  fields: Partial<ShipmentFixture> & Pick<ShipmentFixture, 'manifestedAt'>,
): ShipmentFixture => ({
  awb,
  origin: 'FRA',
  destination: 'PEK',
  portOfEntry: 'PEK',
  shipper: 'Example Shipper GmbH',
  consignee: E.alpha,
  pieces: 3,
  weightKg: 120.5,
  goods: 'General cargo',
  clearanceStatus: 'NOT_DECLARED',
  releasedAt: null,
  ...fields,
});

/** The hand-made 2024 shipments. */
export const S = {
  /** PEK, one declaration released 6 h after filing, drug item with a Q licence. */
  released: makeAwb('999', 3141592),
  /** PKX, two declarations: 1210 in the Daxing zone released, 9610 held for inspection. */
  inspection: makeAwb('157', 1234567),
  /** PKX port of entry, destination ICN (transshipment); its only declaration was rejected. */
  rejected: makeAwb('784', 7654321),
  /** PEK, manifested, nothing declared yet. */
  undeclared: makeAwb('020', 8114074),
  /** PKX, 1210 released (filed on 1 April in Beijing, 31 March in UTC) and 5034 still filed. */
  inProgress: makeAwb('176', 1111111),
  /** PEK, two general-trade declarations filed at the edges of March-April (Beijing time). */
  edges: makeAwb('999', 2222222),
};

export const D = {
  d1: makeDeclarationNumber('0101', 2024, 'IMPORT', 1),
  d2: makeDeclarationNumber('0105', 2024, 'IMPORT', 2),
  d3: makeDeclarationNumber('0105', 2024, 'IMPORT', 3),
  d4: makeDeclarationNumber('0105', 2024, 'IMPORT', 4),
  d5: makeDeclarationNumber('0105', 2024, 'IMPORT', 5),
  d6: makeDeclarationNumber('0105', 2024, 'IMPORT', 6),
  d7: makeDeclarationNumber('0101', 2024, 'IMPORT', 7),
  d8: makeDeclarationNumber('0101', 2024, 'IMPORT', 8),
};

export const shipments2024: ShipmentFixture[] = [
  ship(S.released, {
    manifestedAt: '2024-03-01T02:00:00Z',
    goods: 'Cell therapy product',
    clearanceStatus: 'RELEASED',
    releasedAt: '2024-03-01T16:00:00Z',
  }),
  ship(S.inspection, {
    origin: 'SCL',
    destination: 'PKX',
    portOfEntry: 'PKX',
    consignee: E.beta,
    goods: 'Fresh cherries',
    manifestedAt: '2024-03-09T20:00:00Z',
    clearanceStatus: 'INSPECTION',
  }),
  ship(S.rejected, {
    origin: 'LHR',
    destination: 'ICN',
    portOfEntry: 'PKX',
    manifestedAt: '2024-04-14T08:00:00Z',
    clearanceStatus: 'REJECTED',
  }),
  ship(S.undeclared, { manifestedAt: '2024-04-20T08:00:00Z' }),
  ship(S.inProgress, {
    origin: 'DXB',
    destination: 'PKX',
    portOfEntry: 'PKX',
    consignee: E.agent,
    manifestedAt: '2024-03-31T10:00:00Z',
    clearanceStatus: 'IN_PROGRESS',
  }),
  ship(S.edges, {
    manifestedAt: '2024-02-29T06:00:00Z',
    clearanceStatus: 'RELEASED',
    releasedAt: '2024-05-01T00:30:00Z',
  }),
];

const decl = (
  number: string,
  awb: string,
  fields: Partial<DeclarationFixture> &
    Pick<DeclarationFixture, 'mode' | 'status' | 'filedAt' | 'releasedAt'>,
): DeclarationFixture => ({
  number,
  awb,
  office: number.slice(0, 4),
  declarant: E.alpha,
  totalValue: '1000.00',
  currency: 'USD',
  zone: null,
  ...fields,
});

export const declarations2024: DeclarationFixture[] = [
  decl(D.d1, S.released, {
    mode: '0110',
    status: 'RELEASED',
    filedAt: '2024-03-01T10:00:00Z',
    releasedAt: '2024-03-01T16:00:00Z',
    totalValue: '125000.50',
    currency: 'EUR',
  }),
  decl(D.d2, S.inspection, {
    mode: '1210',
    status: 'RELEASED',
    declarant: E.beta,
    zone: 'BJ-DAXING-CBZ',
    filedAt: '2024-03-10T00:00:00Z',
    releasedAt: '2024-03-11T00:00:00Z',
    inspection: {
      required: true,
      site: 'PKX-FRUIT-1',
      result: 'PASSED',
      completedAt: '2024-03-10T12:00:00Z',
    },
  }),
  decl(D.d3, S.inspection, {
    mode: '9610',
    status: 'INSPECTION_REQUIRED',
    declarant: E.beta,
    filedAt: '2024-04-02T01:00:00Z',
    releasedAt: null,
    inspection: { required: true, site: 'PKX-FRUIT-1', result: 'PENDING', completedAt: null },
  }),
  decl(D.d4, S.rejected, {
    mode: '0110',
    status: 'REJECTED',
    filedAt: '2024-04-15T02:00:00Z',
    releasedAt: null,
    rejectionReason: 'HS code does not match the goods description',
  }),
  decl(D.d5, S.inProgress, {
    mode: '1210',
    status: 'RELEASED',
    declarant: E.agent,
    zone: 'BJ-DAXING-CBZ',
    filedAt: '2024-03-31T20:00:00Z',
    releasedAt: '2024-04-01T00:00:00Z',
  }),
  decl(D.d6, S.inProgress, {
    mode: '5034',
    status: 'FILED',
    declarant: E.agent,
    zone: 'BJ-ZGC-CBZ',
    filedAt: '2024-04-20T03:00:00Z',
    releasedAt: null,
  }),
  decl(D.d7, S.edges, {
    mode: '0110',
    status: 'RELEASED',
    filedAt: '2024-02-29T17:00:00Z',
    releasedAt: '2024-03-01T05:00:00Z',
  }),
  decl(D.d8, S.edges, {
    mode: '0110',
    status: 'RELEASED',
    filedAt: '2024-04-30T16:30:00Z',
    releasedAt: '2024-05-01T00:30:00Z',
  }),
];

const item = (
  declaration: string,
  line: number,
  fields: Partial<ItemFixture> = {},
): ItemFixture => ({
  declaration,
  line,
  hsCode: '8471300000',
  description: 'Portable computers',
  quantity: 10,
  unit: 'pcs',
  value: '500.00',
  currency: 'USD',
  originCountry: 'DE',
  remanufactured: false,
  supervisedAsNew: false,
  drugApproval: null,
  ...fields,
});

export const items2024: ItemFixture[] = [
  item(D.d1, 1, {
    hsCode: '3002510010',
    description: 'CAR-T cell therapy product',
    quantity: 2,
    unit: 'bag',
    value: '120000.50',
    currency: 'EUR',
    drugApproval: 'SJ20180023',
  }),
  item(D.d1, 2, {
    hsCode: '8408200000',
    description: 'Remanufactured diesel engine',
    quantity: 1,
    value: '5000.00',
    currency: 'EUR',
    remanufactured: true,
    supervisedAsNew: true,
  }),
  item(D.d2, 1, {
    hsCode: '0809290000',
    description: 'Fresh cherries',
    quantity: 3833,
    unit: 'kg',
    originCountry: 'CL',
  }),
];

export const licences2024: LicenceFixture[] = [
  { declaration: D.d1, code: 'Q', number: 'Q2024000001' },
  { declaration: D.d1, code: 'A', number: 'A2024000001' },
  { declaration: D.d2, code: 'A', number: 'A2024000002' },
];

export const A = { approved: 'SGA-2024-0001', submitted: 'SGA-2024-0002' };

export const applications = [
  {
    number: A.approved,
    applicant: E.agent,
    category: 'BIOLOGICAL_PRODUCT',
    risk: 'D',
    status: 'APPROVED',
    submittedAt: '2024-02-01T01:00:00Z',
    decidedAt: '2024-02-05T01:00:00Z',
    validUntil: '2025-02-04',
    consolidatedImport: 'CI-2024-001',
    shipments: [S.inProgress, S.released],
  },
  {
    number: A.submitted,
    applicant: E.alpha,
    category: 'HUMAN_TISSUE',
    risk: 'A',
    status: 'SUBMITTED',
    submittedAt: '2024-04-01T01:00:00Z',
    decidedAt: null,
    validUntil: null,
    consolidatedImport: null,
    shipments: [] as string[],
  },
];

/**
 * The 2025 grid: 30 shipments, manifested in pairs at the same instant (so the AWB tiebreak of
 * the cursor is exercised), each with one or two declarations, two items and a licence each.
 */
const PORTS = ['PEK', 'PKX'];
const DESTINATIONS = ['PEK', 'PKX', 'ICN'];
const CONSIGNEES = [E.alpha, E.beta, E.agent];
const GRID_MODES = ['0110', '9610', '1210', '5034'];
const GRID_STATUSES = ['IN_PROGRESS', 'RELEASED', 'NOT_DECLARED', 'REJECTED', 'INSPECTION'];

export const gridShipments: ShipmentFixture[] = [];
export const gridDeclarations: DeclarationFixture[] = [];
export const gridItems: ItemFixture[] = [];
export const gridLicences: LicenceFixture[] = [];

for (let i = 0; i < 30; i++) {
  const awb = makeAwb(i % 2 ? '999' : '784', 5000000 + i * 7919);
  const manifestedAt = new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2), 6)).toISOString();
  gridShipments.push(
    ship(awb, {
      portOfEntry: PORTS[i % 2],
      destination: DESTINATIONS[i % 3],
      consignee: CONSIGNEES[i % 3],
      manifestedAt,
      clearanceStatus: GRID_STATUSES[i % 5],
    }),
  );
  const status = GRID_STATUSES[i % 5];
  // Declarations agree with the stored clearance status (see summariseClearance).
  const count = status === 'NOT_DECLARED' ? 0 : i % 3 === 0 ? 2 : 1;
  for (let k = 0; k < count; k++) {
    const number = makeDeclarationNumber('0101', 2025, 'IMPORT', 1000 + i * 10 + k);
    const filedAt = Date.parse(manifestedAt) + (k + 1) * 3_600_000;
    const declStatus = {
      IN_PROGRESS: 'ACCEPTED',
      RELEASED: 'RELEASED',
      REJECTED: 'REJECTED',
      INSPECTION: k === 0 ? 'INSPECTION_REQUIRED' : 'UNDER_REVIEW',
    }[status]!;
    gridDeclarations.push(
      decl(number, awb, {
        mode: GRID_MODES[(i + k) % 4],
        status: declStatus,
        filedAt: new Date(filedAt).toISOString(),
        releasedAt:
          declStatus === 'RELEASED' ? new Date(filedAt + 5 * 3_600_000).toISOString() : null,
        zone: (i + k) % 4 === 2 ? 'BJ-DAXING-CBZ' : null,
      }),
    );
    gridItems.push(
      item(number, 1),
      item(number, 2, { drugApproval: i % 5 === 0 ? 'HJ20140344' : null }),
    );
    gridLicences.push({
      declaration: number,
      code: 'A',
      number: `A2025${String(i * 10 + k).padStart(6, '0')}`,
    });
  }
  const released = gridDeclarations.filter((d) => d.awb === awb && d.releasedAt);
  gridShipments[gridShipments.length - 1].releasedAt =
    status === 'RELEASED' ? released[released.length - 1].releasedAt : null;
}

export const allShipments = [...shipments2024, ...gridShipments];
export const allDeclarations = [...declarations2024, ...gridDeclarations];

/** Newest manifest first, then AWB descending: the order of `shipments`. */
export function inListOrder(list: ShipmentFixture[]): ShipmentFixture[] {
  return [...list].sort(
    (a, b) =>
      Date.parse(b.manifestedAt) - Date.parse(a.manifestedAt) ||
      (a.awb < b.awb ? 1 : a.awb > b.awb ? -1 : 0),
  );
}

async function insert(db: Database, table: string, columns: string[], rows: unknown[][]) {
  if (!rows.length) return;
  const values: unknown[] = [];
  const tuples = rows.map(
    (row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`,
  );
  await db.query(
    `INSERT INTO customs.${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  );
}

export async function insertFixtures(db: Database): Promise<void> {
  await insert(
    db,
    'customs_office',
    ['code', 'name'],
    offices.map((o) => [o.code, o.name]),
  );
  await insert(
    db,
    'supervision_mode',
    ['code', 'name'],
    modes.map((m) => [m.code, m.name]),
  );
  await insert(
    db,
    'enterprise',
    ['uscc', 'name', 'customs_credit_rating'],
    enterprises.map((e) => [e.uscc, e.name, e.rating]),
  );
  await insert(
    db,
    'bonded_zone',
    ['code', 'name', 'airport_iata', 'supervision_model', 'area_km2', 'opened_on'],
    zones.map((z) => [z.code, z.name, z.airport, z.model, z.area, z.openedOn]),
  );
  await insert(
    db,
    'shipment',
    [
      'awb',
      'origin_iata',
      'destination_iata',
      'port_of_entry_iata',
      'shipper',
      'consignee_uscc',
      'pieces',
      'gross_weight_kg',
      'goods_description',
      'manifested_at',
      'clearance_status',
      'released_at',
    ],
    allShipments.map((s) => [
      s.awb,
      s.origin,
      s.destination,
      s.portOfEntry,
      s.shipper,
      s.consignee,
      s.pieces,
      s.weightKg,
      s.goods,
      s.manifestedAt,
      s.clearanceStatus,
      s.releasedAt,
    ]),
  );
  await insert(
    db,
    'declaration',
    [
      'number',
      'awb',
      'direction',
      'customs_office_code',
      'supervision_mode_code',
      'status',
      'declarant_uscc',
      'filed_at',
      'released_at',
      'rejection_reason',
      'total_value',
      'currency',
      'bonded_zone_code',
      'inspection_required',
      'inspection_site_id',
      'inspection_result',
      'inspection_completed_at',
    ],
    allDeclarations.map((d) => [
      d.number,
      d.awb,
      'IMPORT',
      d.office,
      d.mode,
      d.status,
      d.declarant,
      d.filedAt,
      d.releasedAt,
      d.rejectionReason ?? null,
      d.totalValue,
      d.currency,
      d.zone,
      d.inspection?.required ?? false,
      d.inspection?.site ?? null,
      d.inspection?.result ?? null,
      d.inspection?.completedAt ?? null,
    ]),
  );
  await insert(
    db,
    'declaration_item',
    [
      'declaration_number',
      'line',
      'hs_code',
      'description',
      'quantity',
      'unit',
      'value',
      'currency',
      'origin_country',
      'remanufactured',
      'supervised_as_new',
      'drug_approval_number',
    ],
    [...items2024, ...gridItems].map((i) => [
      i.declaration,
      i.line,
      i.hsCode,
      i.description,
      i.quantity,
      i.unit,
      i.value,
      i.currency,
      i.originCountry,
      i.remanufactured,
      i.supervisedAsNew,
      i.drugApproval,
    ]),
  );
  await insert(
    db,
    'licence',
    ['declaration_number', 'code', 'number'],
    [...licences2024, ...gridLicences].map((l) => [l.declaration, l.code, l.number]),
  );
  await insert(
    db,
    'special_goods_application',
    [
      'number',
      'applicant_uscc',
      'category',
      'risk_level',
      'status',
      'submitted_at',
      'decided_at',
      'valid_until',
      'consolidated_import_id',
    ],
    applications.map((a) => [
      a.number,
      a.applicant,
      a.category,
      a.risk,
      a.status,
      a.submittedAt,
      a.decidedAt,
      a.validUntil,
      a.consolidatedImport,
    ]),
  );
  await insert(
    db,
    'special_goods_shipment',
    ['application_number', 'awb'],
    applications.flatMap((a) => a.shipments.map((awb) => [a.number, awb])),
  );
}
