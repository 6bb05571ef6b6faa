import pg from 'pg';
import { Database, makeAwb, makeUscc } from '../../subgraphs/kit';
import { beijingDate } from '../support/dates';

/**
 * A small, explicit data set for the drugs subgraph tests. Everything is computed from the
 * constants below (no randomness), so tests can derive what they expect from the same arrays.
 * Validity dates that a rule compares with today are relative to the day the suite runs (ends
 * ahead of it); those of expired approvals lie in the past and stay there.
 */

export const AGENT_CART = makeUscc('91110105MA01CAR01');
export const AGENT_GENE = makeUscc('91110302MA01GENE2');
export const AGENT_URGENT = makeUscc('91110113MA01URGT3');
/** A valid USCC of an enterprise that is not a qualified agent. */
export const NOT_AN_AGENT = makeUscc('91110000600012345');
export const AGENTS = [AGENT_CART, AGENT_GENE, AGENT_URGENT];

export interface InstitutionRow {
  id: string;
  name: string;
  district: string;
}
export const institutions: InstitutionRow[] = [
  { id: 'BJ-PUMCH', name: 'Peking Union Medical College Hospital', district: 'Dongcheng' },
  { id: 'BJ-PKUPH', name: "Peking University People's Hospital", district: 'Xicheng' },
  { id: 'BJ-PLAGH', name: 'Chinese PLA General Hospital', district: 'Haidian' },
  { id: 'BJ-BCH', name: "Beijing Children's Hospital", district: 'Xicheng' },
  {
    id: 'BJ-CHCAMS',
    name: 'Cancer Hospital, Chinese Academy of Medical Sciences',
    district: 'Chaoyang',
  },
  { id: 'BJ-TTH', name: 'Beijing Tiantan Hospital', district: 'Fengtai' },
];

export const CATEGORIES = [
  'CELL_THERAPY',
  'GENE_THERAPY',
  'CLINICALLY_URGENT_DRUG',
  'REGISTERED_DRUG',
];
export const APPROVAL_STATUSES = ['VALID', 'SUSPENDED', 'EXPIRED', 'REVOKED'];

export interface ApprovalRow {
  number: string;
  productName: string;
  category: string;
  manufacturer: string;
  originCountry: string;
  approvedOn: string;
  validUntil: string;
  status: string;
  safetyAssessed: boolean;
  /** Institution ids of its approved units. */
  units: string[];
}

const named: ApprovalRow[] = [
  {
    number: 'SJ20180023',
    productName: 'Tisagenlecleucel suspension for infusion',
    category: 'CELL_THERAPY',
    manufacturer: 'Novartis Pharma Stein AG',
    originCountry: 'CH',
    approvedOn: '2018-03-12',
    validUntil: beijingDate(800),
    status: 'VALID',
    safetyAssessed: true,
    units: ['BJ-PUMCH', 'BJ-PLAGH', 'BJ-CHCAMS'],
  },
  {
    number: 'HJ20140344',
    productName: 'Nusinersen sodium injection',
    category: 'REGISTERED_DRUG',
    manufacturer: 'Biogen Inc.',
    originCountry: 'US',
    approvedOn: '2014-09-01',
    validUntil: beijingDate(1000),
    status: 'VALID',
    safetyAssessed: true,
    units: ['BJ-BCH'],
  },
  {
    number: 'H20143338',
    productName: 'Domestic reference tablets',
    category: 'REGISTERED_DRUG',
    manufacturer: 'Beijing Pharma Co., Ltd.',
    originCountry: 'CN',
    approvedOn: '2014-05-20',
    validUntil: '2019-05-19',
    status: 'EXPIRED',
    safetyAssessed: true,
    units: [],
  },
  {
    number: 'SC20210007',
    productName: 'Onasemnogene abeparvovec',
    category: 'GENE_THERAPY',
    manufacturer: 'Novartis Gene Therapies (HK) Ltd.',
    originCountry: 'HK',
    approvedOn: '2021-07-01',
    validUntil: beijingDate(200),
    status: 'SUSPENDED',
    safetyAssessed: false,
    units: ['BJ-BCH', 'BJ-PKUPH'],
  },
];

/** 24 more imported biologics SJ20220001…SJ20220024, cycling through categories and statuses. */
const generated: ApprovalRow[] = Array.from({ length: 24 }, (_, k) => {
  const i = k + 1;
  return {
    number: `SJ2022${String(i).padStart(4, '0')}`,
    productName: `Investigational product ${i}`,
    category: CATEGORIES[k % 4],
    manufacturer: `Manufacturer ${i % 5}`,
    originCountry: ['DE', 'US', 'FR', 'JP'][k % 4],
    approvedOn: `2022-${String((k % 12) + 1).padStart(2, '0')}-15`,
    validUntil: beijingDate(400 + 30 * k),
    status: APPROVAL_STATUSES[Math.floor(k / 4) % 4],
    safetyAssessed: k % 3 !== 0,
    units:
      k % 2 === 0
        ? [institutions[k % 6].id, institutions[(k + 1) % 6].id]
        : [institutions[k % 6].id],
  };
});

export const approvals: ApprovalRow[] = [...named, ...generated];

export const agentQualifications = [
  { uscc: AGENT_CART, qualifiedSince: '2021-06-01', categories: ['CELL_THERAPY', 'GENE_THERAPY'] },
  { uscc: AGENT_GENE, qualifiedSince: '2022-03-15', categories: ['GENE_THERAPY'] },
  {
    uscc: AGENT_URGENT,
    qualifiedSince: '2023-01-10',
    categories: ['CLINICALLY_URGENT_DRUG', 'REGISTERED_DRUG'],
  },
];

export const IMPORT_STATUSES = ['COLLECTING', 'SUBMITTED', 'APPROVED', 'IN_TRANSIT', 'DELIVERED'];

export interface LineRow {
  line: number;
  approvalNumber: string;
  institutionId: string;
  quantity: number;
  unit: string;
}

export interface ImportRow {
  id: string;
  agentUscc: string;
  status: string;
  createdAt: string;
  submittedAt: string | null;
  lines: LineRow[];
  awbs: string[];
}

/** 25 consolidated imports CI-2025-0001…0025; agents and statuses cycle. */
export const consolidatedImports: ImportRow[] = Array.from({ length: 25 }, (_, k) => {
  const i = k + 1;
  const status = IMPORT_STATUSES[k % 5];
  const collecting = status === 'COLLECTING';
  const shipped = status === 'IN_TRANSIT' || status === 'DELIVERED';
  return {
    id: `CI-2025-${String(i).padStart(4, '0')}`,
    agentUscc: AGENTS[k % 3],
    status,
    createdAt: `2025-01-${String(i).padStart(2, '0')}T02:00:00.000Z`,
    submittedAt: collecting ? null : `2025-02-${String(i).padStart(2, '0')}T06:30:00.000Z`,
    lines: Array.from({ length: 1 + (k % 3) }, (_, j) => ({
      line: j + 1,
      approvalNumber: approvals[(k + j) % approvals.length].number,
      institutionId: institutions[(k + 2 * j) % institutions.length].id,
      quantity: 1.5 * (j + 1),
      unit: j % 2 === 0 ? 'bag' : 'vial',
    })),
    awbs: shipped
      ? Array.from({ length: 1 + (k % 2) }, (_, j) => makeAwb('999', 3100000 + 10 * i + j))
      : [],
  };
});

/** AWBs of shipments that carry no consolidated import. */
export const unrelatedAwbs = Array.from({ length: 20 }, (_, i) => makeAwb('784', 5200000 + i));

export async function insertFixtures(db: Database): Promise<void> {
  await db.transaction(async (client) => {
    for (const i of institutions) {
      await client.query(
        'INSERT INTO drugs.medical_institution (id, name, district) VALUES ($1, $2, $3)',
        [i.id, i.name, i.district],
      );
    }
    for (const a of approvals) {
      await client.query(
        `INSERT INTO drugs.drug_approval (number, product_name, category, manufacturer,
           origin_country, approved_on, valid_until, status, safety_assessed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          a.number,
          a.productName,
          a.category,
          a.manufacturer,
          a.originCountry,
          a.approvedOn,
          a.validUntil,
          a.status,
          a.safetyAssessed,
        ],
      );
      for (const unit of a.units) {
        await client.query(
          'INSERT INTO drugs.approved_unit (approval_number, institution_id) VALUES ($1, $2)',
          [a.number, unit],
        );
      }
    }
    for (const q of agentQualifications) {
      await client.query(
        `INSERT INTO drugs.agent_qualification (uscc, qualified_since, categories)
         VALUES ($1, $2, $3)`,
        [q.uscc, q.qualifiedSince, q.categories],
      );
    }
    for (const c of consolidatedImports) {
      await insertConsolidatedImport(client, c);
    }
  });
}

export async function insertConsolidatedImport(
  client: pg.ClientBase | pg.Pool,
  c: ImportRow,
): Promise<void> {
  await client.query(
    `INSERT INTO drugs.consolidated_import (id, agent_uscc, status, created_at, submitted_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [c.id, c.agentUscc, c.status, c.createdAt, c.submittedAt],
  );
  for (const l of c.lines) {
    await client.query(
      `INSERT INTO drugs.consolidated_line (consolidated_import_id, line, approval_number,
         institution_id, quantity, unit) VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.id, l.line, l.approvalNumber, l.institutionId, l.quantity, l.unit],
    );
  }
  for (const awb of c.awbs) {
    await client.query(
      'INSERT INTO drugs.consolidated_import_shipment (consolidated_import_id, awb) VALUES ($1, $2)',
      [c.id, awb],
    );
  }
}
