/**
 * What the shipments carry: goods lines per kind of shipment (10-digit China HS codes; the last
 * two national digits are [A] unless the domain brief lists the code), shippers per country and
 * currencies. Prices are demo values in USD per unit.
 */

export interface Goods {
  hs: string;
  description: string;
  unit: string;
  /** USD per unit. */
  price: number;
  /** Units per kilogram of gross weight, to derive quantities from weight. */
  perKg: number;
}

const g = (hs: string, description: string, unit: string, price: number, perKg: number): Goods => ({
  hs,
  description,
  unit,
  price,
  perKg,
});

export const GENERAL_GOODS: readonly Goods[] = [
  g('8471300000', 'Portable automatic data processing machines (laptops)', 'pcs', 820, 0.4),
  g('8517130000', 'Smartphones', 'pcs', 560, 2.5),
  g('8542319000', 'Processors and controllers, integrated circuits', 'pcs', 48, 60),
  g('9018190000', 'Electro-diagnostic apparatus, parts', 'pcs', 1900, 0.1),
  g('9027899090', 'Laboratory analysis instruments', 'sets', 5400, 0.04),
  g('3304990099', 'Beauty and skin-care preparations', 'pcs', 38, 4),
  g('2204210000', 'Wine of fresh grapes, in containers of 2 l or less', 'l', 22, 0.8),
  g('8708999990', 'Motor vehicle parts and accessories', 'kg', 31, 1),
  g('9001500000', 'Spectacle lenses of other materials', 'pcs', 12, 30),
  g('8479899990', 'Machines with individual functions, n.e.s.', 'sets', 15000, 0.005),
  g('6204430000', "Women's dresses of synthetic fibres", 'pcs', 64, 3),
  g('9102110000', 'Wrist-watches, mechanical display', 'pcs', 950, 8),
];

export const CBEC_GOODS: readonly Goods[] = [
  g('3304990099', 'Cross-border retail: skin-care sets', 'pcs', 42, 4),
  g('1901101000', 'Cross-border retail: infant formula milk powder', 'cans', 36, 1.1),
  g('2106909090', 'Cross-border retail: dietary supplements', 'bottles', 28, 4),
  g('4202210000', 'Cross-border retail: leather handbags', 'pcs', 380, 1),
  g('9102110000', 'Cross-border retail: wrist-watches', 'pcs', 620, 8),
  g('3303000020', 'Cross-border retail: perfumes', 'bottles', 95, 3),
  g('8509809000', 'Cross-border retail: small kitchen appliances', 'pcs', 120, 0.5),
];

export const ZONE_LOGISTICS_GOODS: readonly Goods[] = [
  g('3304990099', 'Bonded stock for zone distribution: cosmetics', 'pcs', 30, 4),
  g('8803300000', 'Aircraft parts for zone maintenance', 'pcs', 2600, 0.05),
  g('8471500000', 'Processing units for data-centre assembly', 'pcs', 3800, 0.08),
  g('1901101000', 'Bonded stock for zone distribution: infant formula', 'cans', 30, 1.1),
];

export const ZGC_MATERIALS: readonly Goods[] = [
  g('8542319000', 'Integrated circuits for R&D (AI accelerators)', 'pcs', 2200, 2),
  g('3822190090', 'Diagnostic and laboratory reagents for R&D', 'kits', 340, 2),
  g('9027899090', 'Analytical instruments for R&D laboratories', 'sets', 48000, 0.01),
  g('8471500000', 'Server processing units for AI research', 'pcs', 9500, 0.05),
];

export const ZGC_FINISHED: readonly Goods[] = [
  g('8473309000', 'AI accelerator modules (R&D output)', 'pcs', 6800, 0.5),
  g('9027819000', 'Mass spectrometry instruments', 'sets', 85000, 0.005),
];

export const EXPORT_GOODS: readonly Goods[] = [
  g('8806220090', 'Unmanned aerial vehicles (drones), under 7 kg', 'pcs', 540, 0.3),
  g('6204430000', "Women's dresses of synthetic fibres", 'pcs', 18, 3),
  g('8517799000', 'Mobile phone accessories', 'pcs', 6, 20),
  g('9405420000', 'LED luminaires', 'pcs', 14, 2),
  g('9503008900', 'Toys', 'pcs', 9, 4),
  g('8523520000', 'Smart cards and memory cards', 'pcs', 4, 80),
];

export const CHERRIES = g('0809290000', 'Fresh sweet cherries', 'kg', 11.5, 0.95);
export const DURIAN = g('0810600000', 'Fresh durian', 'kg', 6.8, 0.95);
export const ATLANTIC_SALMON = g(
  '0302141000',
  'Fresh or chilled Atlantic salmon, whole',
  'kg',
  9.6,
  0.9,
);
export const PACIFIC_SALMON = g(
  '0302130000',
  'Fresh or chilled Pacific salmon, whole',
  'kg',
  12.2,
  0.9,
);
export const SEA_URCHIN = g('0308210090', 'Live, fresh or chilled sea urchins', 'kg', 58, 0.85);

export const REMANUFACTURED_GOODS: readonly Goods[] = [
  g('8408200000', 'Remanufactured compression-ignition engines for vehicles', 'pcs', 7400, 0.003),
  g('8407340000', 'Remanufactured spark-ignition engines over 1000 cc', 'pcs', 5200, 0.004),
  g('8708400000', 'Remanufactured gear boxes', 'pcs', 2100, 0.01),
  g('8511400000', 'Remanufactured starter motors', 'pcs', 260, 0.12),
];

export const SHIPPERS: Record<string, readonly string[]> = {
  DE: [
    'Rhein-Main Industrietechnik GmbH',
    'Bayern Motorenwerk Reman GmbH',
    'Hessen Medizintechnik AG',
    'Elbe Consumer Goods GmbH',
  ],
  GB: [
    'Thames Valley Trading Ltd',
    'Midlands Precision Components Ltd',
    'London Beauty Exports Ltd',
  ],
  FR: [
    'Société Lyonnaise de Cosmétiques',
    'Bordeaux Vins Export SAS',
    'Paris Luxe Distribution SA',
  ],
  NL: ['Holland Flower & Freight B.V.', 'Eindhoven Photonics B.V.'],
  NO: ['Nordlaks Sjømat AS', 'Hordaland Salmon Export AS'],
  PT: ['Lusitania Trading Lda'],
  TR: ['Anadolu Dis Ticaret A.S.'],
  RU: ['Primorye Seafood LLC', 'Moscow Industrial Supply LLC'],
  US: [
    'Pacific Rim Exporters Inc.',
    'Hudson Scientific Instruments LLC',
    'Cascade Remanufacturing Inc.',
    'Bay Area Semiconductor Supply Inc.',
    'Alaska Wild Seafood Co.',
  ],
  CL: ['Frutas Australes SpA', 'Exportadora Cerezas del Maule Ltda.', 'Salmones del Sur S.A.'],
  QA: ['Doha Gateway Trading W.L.L.'],
  AE: ['Jebel Ali General Trading LLC'],
  KR: ['Hanbit Cosmetics Co., Ltd.', 'Incheon Electronics Trading Co.'],
  JP: ['Tokyo Precision Instruments K.K.', 'Kanto Beauty Trading K.K.'],
  HK: ['Victoria Harbour Sourcing Ltd.'],
  TH: ['Chanthaburi Durian Export Co., Ltd.', 'Siam Fresh Produce Co., Ltd.'],
  AU: ['Southern Cross Health Products Pty Ltd'],
  ZA: ['Gauteng Minerals Trading (Pty) Ltd'],
  CH: ['Basel Life Sciences AG'],
  LU: ['Luxembourg Freight Services S.a r.l.'],
};

export function currencyFor(country: string): string {
  switch (country) {
    case 'DE':
    case 'FR':
    case 'NL':
    case 'PT':
    case 'LU':
      return 'EUR';
    case 'GB':
      return 'GBP';
    case 'JP':
      return 'JPY';
    case 'CN':
      return 'CNY';
    default:
      return 'USD';
  }
}

/** Demo exchange rates: units of the currency per USD. */
export const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150, CNY: 7.2 };

export const REJECTION_REASONS: readonly string[] = [
  'HS code does not match the goods description; re-classify and re-file',
  'Declared value inconsistent with the commercial invoice',
  'Missing certificate of origin for the preferential tariff claimed',
  'Consignee name differs from the manifest',
  'Quantity and unit of measure do not match the packing list',
  'Licence required for this commodity was not attached',
];

export const EXCURSION_NOTES: readonly string[] = [
  'Probe reading 9.4 °C for 12 min (limit 0–4 °C); cargo re-iced',
  'Reefer door alarm, 6 min above 8 °C; quality check passed',
  'Temperature logger gap of 20 min during transfer to the site',
  'Probe reading 11.2 °C for 8 min at the apron; cargo moved to the cold room',
];
