-- Up Migration
-- Customs' data: the shipment register (manifests), declarations with their items, licences and
-- inspections, bonded zones, enterprises and special-goods (health quarantine) applications.
-- Airports, facilities, drug approvals and consolidated imports are referenced by key only.

CREATE TABLE customs_office (
  code text PRIMARY KEY CHECK (code ~ '^\d{4}$'),
  name text NOT NULL
);

CREATE TABLE supervision_mode (
  code text PRIMARY KEY CHECK (code ~ '^\d{4}$'),
  name text NOT NULL
);

CREATE TABLE enterprise (
  uscc                  text PRIMARY KEY CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  name                  text NOT NULL,
  customs_credit_rating text NOT NULL CHECK (customs_credit_rating IN (
                          'ADVANCED_CERTIFIED', 'GENERAL_CERTIFIED', 'REGISTERED', 'DISCREDITED'))
);

CREATE TABLE bonded_zone (
  code              text PRIMARY KEY,
  name              text NOT NULL,
  airport_iata      text CHECK (airport_iata ~ '^[A-Z]{3}$'),
  supervision_model text NOT NULL CHECK (supervision_model IN (
                      'ZONE_PORT_INTEGRATION', 'SMART_SUPERVISION', 'STANDARD')),
  area_km2          double precision NOT NULL CHECK (area_km2 > 0),
  opened_on         date NOT NULL
);

-- The manifest: one row per AWB. `port_of_entry_iata` is the Beijing hub where the cargo is
-- presented to customs (for a transshipment it differs from the final destination).
-- `clearance_status` and `released_at` summarise the declarations, kept in step with them so that
-- analysts can filter millions of shipments by clearance status through an index.
CREATE TABLE shipment (
  awb                text PRIMARY KEY CHECK (awb ~ '^\d{3}-\d{8}$'),
  origin_iata        text NOT NULL CHECK (origin_iata ~ '^[A-Z]{3}$'),
  destination_iata   text NOT NULL CHECK (destination_iata ~ '^[A-Z]{3}$'),
  port_of_entry_iata text NOT NULL CHECK (port_of_entry_iata ~ '^[A-Z]{3}$'),
  shipper            text NOT NULL,
  consignee_uscc     text NOT NULL REFERENCES enterprise (uscc),
  pieces             integer NOT NULL CHECK (pieces > 0),
  gross_weight_kg    double precision NOT NULL CHECK (gross_weight_kg > 0),
  goods_description  text NOT NULL,
  manifested_at      timestamptz NOT NULL,
  clearance_status   text NOT NULL DEFAULT 'NOT_DECLARED' CHECK (clearance_status IN (
                       'NOT_DECLARED', 'IN_PROGRESS', 'INSPECTION', 'RELEASED', 'REJECTED')),
  released_at        timestamptz,
  version            integer NOT NULL DEFAULT 1
);
CREATE INDEX shipment_manifested_idx ON shipment (manifested_at, awb);
CREATE INDEX shipment_port_idx ON shipment (port_of_entry_iata, manifested_at, awb);
CREATE INDEX shipment_destination_idx ON shipment (destination_iata, manifested_at, awb);
CREATE INDEX shipment_consignee_idx ON shipment (consignee_uscc, manifested_at, awb);
CREATE INDEX shipment_clearance_idx ON shipment (clearance_status, manifested_at, awb);

CREATE TABLE declaration (
  number                  text PRIMARY KEY CHECK (number ~ '^\d{8}[01]\d{9}$'),
  awb                     text NOT NULL REFERENCES shipment (awb),
  direction               text NOT NULL CHECK (direction IN ('IMPORT', 'EXPORT')),
  customs_office_code     text NOT NULL REFERENCES customs_office (code),
  supervision_mode_code   text NOT NULL REFERENCES supervision_mode (code),
  status                  text NOT NULL CHECK (status IN (
                            'FILED', 'ACCEPTED', 'UNDER_REVIEW', 'INSPECTION_REQUIRED',
                            'RELEASED', 'REJECTED')),
  declarant_uscc          text NOT NULL REFERENCES enterprise (uscc),
  filed_at                timestamptz NOT NULL,
  released_at             timestamptz,
  rejection_reason        text,
  total_value             numeric(18, 2) NOT NULL CHECK (total_value >= 0),
  currency                text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  bonded_zone_code        text REFERENCES bonded_zone (code),
  inspection_required     boolean NOT NULL DEFAULT false,
  inspection_site_id      text,
  inspection_result       text CHECK (inspection_result IN ('PASSED', 'FAILED', 'PENDING')),
  inspection_completed_at timestamptz,
  version                 integer NOT NULL DEFAULT 1,
  CHECK (substr(number, 9, 1) = CASE direction WHEN 'IMPORT' THEN '1' ELSE '0' END),
  CHECK (released_at IS NULL OR released_at >= filed_at)
);
CREATE INDEX declaration_awb_idx ON declaration (awb, filed_at);
CREATE INDEX declaration_mode_idx ON declaration (supervision_mode_code, awb);
CREATE INDEX declaration_filed_idx ON declaration (filed_at);
CREATE INDEX declaration_zone_idx ON declaration (bonded_zone_code) WHERE bonded_zone_code IS NOT NULL;

CREATE TABLE declaration_item (
  declaration_number   text NOT NULL REFERENCES declaration (number),
  line                 integer NOT NULL CHECK (line >= 1),
  hs_code              text NOT NULL CHECK (hs_code ~ '^\d{10}$'),
  description          text NOT NULL,
  quantity             double precision NOT NULL CHECK (quantity > 0),
  unit                 text NOT NULL,
  value                numeric(18, 2) NOT NULL CHECK (value >= 0),
  currency             text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  origin_country       text NOT NULL CHECK (origin_country ~ '^[A-Z]{2}$'),
  remanufactured       boolean NOT NULL DEFAULT false,
  supervised_as_new    boolean NOT NULL DEFAULT false,
  drug_approval_number text,
  PRIMARY KEY (declaration_number, line),
  CHECK (NOT supervised_as_new OR remanufactured)
);

CREATE TABLE licence (
  declaration_number text NOT NULL REFERENCES declaration (number),
  code               text NOT NULL,
  number             text NOT NULL,
  PRIMARY KEY (declaration_number, code, number)
);

-- Entry/exit health quarantine approval of special goods, granted by customs.
CREATE TABLE special_goods_application (
  number                 text PRIMARY KEY,
  applicant_uscc         text NOT NULL REFERENCES enterprise (uscc),
  category               text NOT NULL CHECK (category IN (
                           'MICROORGANISM', 'HUMAN_TISSUE', 'BIOLOGICAL_PRODUCT', 'BLOOD_PRODUCT')),
  risk_level             text NOT NULL CHECK (risk_level IN ('A', 'B', 'C', 'D')),
  status                 text NOT NULL CHECK (status IN (
                           'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'EXPIRED')),
  submitted_at           timestamptz NOT NULL,
  decided_at             timestamptz,
  valid_until            date,
  consolidated_import_id text,
  version                integer NOT NULL DEFAULT 1
);
CREATE INDEX special_goods_applicant_idx ON special_goods_application (applicant_uscc);
CREATE INDEX special_goods_consolidated_idx ON special_goods_application (consolidated_import_id)
  WHERE consolidated_import_id IS NOT NULL;

CREATE TABLE special_goods_shipment (
  application_number text NOT NULL REFERENCES special_goods_application (number),
  awb                text NOT NULL REFERENCES shipment (awb),
  PRIMARY KEY (application_number, awb)
);
CREATE INDEX special_goods_shipment_awb_idx ON special_goods_shipment (awb);
