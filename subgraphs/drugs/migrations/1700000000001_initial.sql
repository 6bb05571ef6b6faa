-- Up Migration
-- The drug regulator's data: import drug approvals and the hospitals approved to use them,
-- qualified import agents, and agents' consolidated imports. Enterprises, special-goods
-- applications and shipments are referenced by key only (they belong to customs).

CREATE TABLE medical_institution (
  id       text PRIMARY KEY,
  name     text NOT NULL,
  district text NOT NULL
);

-- `number` is the ASCII form of the NMPA approval number (国药准字SJ20180023 → SJ20180023).
CREATE TABLE drug_approval (
  number          text PRIMARY KEY CHECK (number ~ '^[HZS][JC]?\d{8}$'),
  product_name    text NOT NULL,
  category        text NOT NULL CHECK (category IN (
                    'CELL_THERAPY', 'GENE_THERAPY', 'CLINICALLY_URGENT_DRUG', 'REGISTERED_DRUG')),
  manufacturer    text NOT NULL,
  origin_country  text NOT NULL CHECK (origin_country ~ '^[A-Z]{2}$'),
  approved_on     date NOT NULL,
  valid_until     date NOT NULL,
  status          text NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'EXPIRED', 'REVOKED')),
  safety_assessed boolean NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  CHECK (valid_until >= approved_on)
);
CREATE INDEX drug_approval_category_idx ON drug_approval (category, status, number);
CREATE INDEX drug_approval_status_idx ON drug_approval (status, number);

CREATE TABLE approved_unit (
  approval_number text NOT NULL REFERENCES drug_approval (number),
  institution_id  text NOT NULL REFERENCES medical_institution (id),
  PRIMARY KEY (approval_number, institution_id)
);

CREATE TABLE agent_qualification (
  uscc            text PRIMARY KEY CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  qualified_since date NOT NULL,
  categories      text[] NOT NULL CHECK (cardinality(categories) > 0)
);

CREATE TABLE consolidated_import (
  id                               text PRIMARY KEY,
  agent_uscc                       text NOT NULL REFERENCES agent_qualification (uscc),
  status                           text NOT NULL CHECK (status IN (
                                     'COLLECTING', 'SUBMITTED', 'APPROVED', 'IN_TRANSIT', 'DELIVERED')),
  special_goods_application_number text,
  created_at                       timestamptz NOT NULL,
  submitted_at                     timestamptz,
  version                          integer NOT NULL DEFAULT 1
);
CREATE INDEX consolidated_import_agent_idx ON consolidated_import (agent_uscc, status, id);
CREATE INDEX consolidated_import_status_idx ON consolidated_import (status, id);

CREATE TABLE consolidated_line (
  consolidated_import_id text NOT NULL REFERENCES consolidated_import (id),
  line                   integer NOT NULL CHECK (line >= 1),
  approval_number        text NOT NULL REFERENCES drug_approval (number),
  institution_id         text NOT NULL REFERENCES medical_institution (id),
  quantity               double precision NOT NULL CHECK (quantity > 0),
  unit                   text NOT NULL,
  PRIMARY KEY (consolidated_import_id, line)
);

CREATE TABLE consolidated_import_shipment (
  consolidated_import_id text NOT NULL REFERENCES consolidated_import (id),
  awb                    text NOT NULL CHECK (awb ~ '^\d{3}-\d{8}$'),
  PRIMARY KEY (consolidated_import_id, awb)
);
-- A shipment carries goods of at most one consolidated import.
CREATE UNIQUE INDEX consolidated_import_shipment_awb_idx ON consolidated_import_shipment (awb);

-- Indexes added with the drugs subgraph (additive): keyset pages filtered by one column, and the
-- reverse lookup its loaders batch (the approvals of an institution).
CREATE INDEX drug_approval_category_number_idx ON drug_approval (category, number);
CREATE INDEX consolidated_import_agent_id_idx ON consolidated_import (agent_uscc, id);
CREATE INDEX approved_unit_institution_idx ON approved_unit (institution_id, approval_number);
