import { DEMO_NOW_DAY } from './config';
import { ShipmentSpec } from './shipments';
import { dayOf } from './time';

/**
 * Fixed showcase shipments: present in every demo data set of any size (≥ MIN_SHIPMENTS), with
 * these AWBs (check digits valid), generated first and from their own fixed random stream, so
 * that tests, the README and demos can name them. Each shows one part of the story.
 */
export const SHOWCASE = {
  /** Transit FRA → PEK → ICN on Air China: tallied at PEK, transferred, never declared. */
  transshipment: '999-12345675',
  /** Chilean cherries via Doha on Qatar Airways, 3,833 kg, the first through PKX-FRUIT (Dec 2024). */
  fruit: '157-12042413',
  /** Chilean Atlantic salmon via Doha to PKX-AQUATIC, licences A (inspection) and U (legal catch). */
  chilledSeafood: '157-25171016',
  /** Russian sea urchin on Aeroflot, 270 kg, the first through PKX-AQUATIC (Oct 2025). */
  seaUrchin: '555-17101700',
  /** Bonded CBEC (1210) through the Daxing comprehensive bonded zone. */
  bondedEcommerce1210: '784-27182816',
  /** Remanufactured gear boxes imported under the pilot and supervised as new (0110). */
  remanufactured: '020-41421354',
  /** CAR-T cell therapy for Beijing hospitals: consolidated import + approved special goods (risk D). */
  cellTherapy: '999-31415926',
  /** Gene therapy via a qualified agent, with its consolidated import and special-goods approval. */
  geneTherapy: '999-22360671',
  /** Clinically urgent drug on United from SFO, with its Q licence. */
  urgentDrug: '016-17320505',
  /** A declaration rejected and never re-filed: clearance REJECTED. */
  rejected: '999-24600004',
  /** Rejected, then re-filed and released: clearance RELEASED. */
  refiled: '074-11235814',
  /** Held for inspection at PKX a few days before "now": clearance INSPECTION. */
  heldForInspection: '784-14142133',
  /** Sea urchin held at the PKX aquatic site pending inspection. */
  heldPerishable: '555-26112704',
  /** Declaration under review: clearance IN_PROGRESS. */
  underReview: '999-10010011',
  /** In the air at "now": manifest only, no arrival. */
  notYetArrived: '999-46692015',
  /** Arrived and tallied, not declared yet. */
  notDeclared: '999-16180334',
  /** General trade (0110) at Capital airport, on Emirates from Dubai. */
  generalTradePek: '176-10000001',
  /** General trade (0110) at Daxing, on China Southern from Amsterdam. */
  generalTradePkx: '784-10000034',
  /** CBEC direct mail (9610) on FedEx through the PEK express centre. */
  cbecDirectMail9610: '023-20240614',
  /** Logistics goods inside the Daxing zone (5034). */
  zoneLogistics5034: '784-30000051',
  /** R&D materials into the Zhongguancun zone (5000), smart supervision. */
  zgcRnd5000: '999-20240824',
  /** Finished R&D goods out of the Zhongguancun zone, exported (5100). */
  zgcExport5100: '999-20240835',
  /** CBEC B2B direct export (9710) from PKX to London. */
  cbecExportB2b9710: '784-39700006',
  /** CBEC export to an overseas warehouse (9810) from PEK to New York. */
  overseasWarehouse9810: '999-39810002',
  /** On CA818 IAD → PEK soon after the route resumed (Nov 2023). */
  resumedRoute: '999-20231105',
} as const;

export type ShowcaseName = keyof typeof SHOWCASE;

/** The random stream of the showcase shipments: fixed, whatever the seed of the rest. */
export const SHOWCASE_SEED = 3141592;

const d = dayOf;

export const SHOWCASE_SPECS: Record<ShowcaseName, Omit<ShipmentSpec, 'awb'>> = {
  transshipment: {
    kind: 'TRANSIT',
    day: d('2025-09-15'),
    chain: ['CA-FRA-PEK', 'CA-PEK-ICN'],
    weightKg: 1240,
    pieces: 31,
  },
  fruit: {
    kind: 'FRUIT',
    day: d('2024-12-02'),
    chain: ['QR-SCL-DOH', 'QR-DOH-PKX'],
    variant: 'CHERRIES',
    weightKg: 3833,
    pieces: 723,
  },
  chilledSeafood: {
    kind: 'SEAFOOD',
    day: d('2025-11-10'),
    chain: ['QR-SCL-DOH', 'QR-DOH-PKX'],
    variant: 'ATLANTIC_SALMON',
    weightKg: 1860,
    pieces: 84,
  },
  seaUrchin: {
    kind: 'SEAFOOD',
    day: d('2025-10-16'),
    chain: ['SU-SVO-PKX'],
    variant: 'SEA_URCHIN',
    weightKg: 270,
    pieces: 60,
  },
  bondedEcommerce1210: {
    kind: 'BONDED_1210',
    day: d('2025-03-10'),
    chain: ['CZ-LHR-PKX'],
    weightKg: 2150,
    pieces: 9,
  },
  remanufactured: {
    kind: 'REMANUFACTURED',
    day: d('2025-05-20'),
    chain: ['LH-MUC-PEK'],
    weightKg: 1480,
    pieces: 4,
  },
  cellTherapy: {
    kind: 'DRUG',
    day: d('2026-10-12'),
    chain: ['CA-JFK-PEK'],
    drugCategory: 'CELL_THERAPY',
    weightKg: 42,
    pieces: 2,
  },
  geneTherapy: {
    kind: 'DRUG',
    day: d('2026-06-03'),
    chain: ['CA-LAX-PEK'],
    drugCategory: 'GENE_THERAPY',
    weightKg: 26,
    pieces: 1,
  },
  urgentDrug: {
    kind: 'DRUG',
    day: d('2026-08-19'),
    chain: ['UA-SFO-PEK'],
    drugCategory: 'CLINICALLY_URGENT_DRUG',
    weightKg: 18,
    pieces: 1,
  },
  rejected: { kind: 'GENERAL', day: d('2025-06-02'), chain: ['CA-FRA-PEK'], outcome: 'REJECTED' },
  refiled: {
    kind: 'GENERAL',
    day: d('2025-04-07'),
    chain: ['KL-AMS-PEK'],
    outcome: 'REJECTED_REFILED',
  },
  heldForInspection: {
    kind: 'GENERAL',
    day: DEMO_NOW_DAY - 4,
    chain: ['CZ-LHR-PKX'],
    outcome: 'HELD_INSPECTION',
  },
  heldPerishable: {
    kind: 'SEAFOOD',
    day: DEMO_NOW_DAY - 3,
    chain: ['SU-SVO-PKX'],
    variant: 'SEA_URCHIN',
    outcome: 'HELD_INSPECTION',
  },
  underReview: {
    kind: 'GENERAL',
    day: DEMO_NOW_DAY - 5,
    chain: ['CA-JFK-PEK'],
    outcome: 'HELD_REVIEW',
  },
  notYetArrived: { kind: 'GENERAL', day: DEMO_NOW_DAY - 1, chain: ['CA-JFK-PEK'] },
  notDeclared: {
    kind: 'GENERAL',
    day: DEMO_NOW_DAY - 3,
    chain: ['CA-FRA-PEK'],
    outcome: 'LATE_FILING',
  },
  generalTradePek: { kind: 'GENERAL', day: d('2024-05-14'), chain: ['EK-DXB-PEK'] },
  generalTradePkx: { kind: 'GENERAL', day: d('2025-02-18'), chain: ['CZ-AMS-PKX'] },
  cbecDirectMail9610: { kind: 'CBEC_DIRECT', day: d('2025-11-11'), chain: ['FX-ANC-PEK'] },
  zoneLogistics5034: { kind: 'ZONE_LOGISTICS', day: d('2025-08-08'), chain: ['CZ-AMS-PKX'] },
  zgcRnd5000: { kind: 'ZGC_MATERIALS', day: d('2025-01-15'), chain: ['CA-LAX-PEK'] },
  zgcExport5100: { kind: 'ZGC_EXPORT', day: d('2025-12-01'), chain: ['CA-PEK-FRA'] },
  cbecExportB2b9710: { kind: 'EXPORT_B2B', day: d('2026-03-03'), chain: ['CZ-PKX-LHR'] },
  overseasWarehouse9810: { kind: 'EXPORT_WAREHOUSE', day: d('2026-05-20'), chain: ['CA-PEK-JFK'] },
  resumedRoute: { kind: 'GENERAL', day: d('2023-11-20'), chain: ['CA-IAD-PEK'] },
};
