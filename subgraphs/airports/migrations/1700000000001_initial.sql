-- Up Migration
-- The airport operator's data: airports, cargo facilities, and what happens to a shipment's cargo
-- once it reaches a Beijing hub (arrival tally and handling events). Shipments are referenced by
-- AWB only: the shipment register belongs to customs.

CREATE TABLE airport (
  iata_code      text PRIMARY KEY CHECK (iata_code ~ '^[A-Z]{3}$'),
  icao_code      text NOT NULL UNIQUE CHECK (icao_code ~ '^[A-Z]{4}$'),
  name           text NOT NULL,
  city           text NOT NULL,
  country_code   text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  timezone       text NOT NULL,
  is_beijing_hub boolean NOT NULL DEFAULT false
);
CREATE INDEX airport_hub_idx ON airport (is_beijing_hub, iata_code);

CREATE TABLE facility (
  id                     text PRIMARY KEY,
  airport_iata           text NOT NULL REFERENCES airport (iata_code),
  kind                   text NOT NULL CHECK (kind IN (
                           'INTERNATIONAL_EXPRESS_WAREHOUSE', 'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
                           'COLD_CHAIN_WAREHOUSE', 'CONSOLIDATED_CARGO_WAREHOUSE',
                           'GENERAL_CARGO_WAREHOUSE', 'DESIGNATED_SITE_FRUIT',
                           'DESIGNATED_SITE_CHILLED_AQUATIC')),
  name                   text NOT NULL,
  status                 text NOT NULL CHECK (status IN ('PLANNED', 'UNDER_CONSTRUCTION', 'OPERATIONAL')),
  commissioned_on        date,
  annual_capacity_tonnes double precision CHECK (annual_capacity_tonnes > 0),
  version                integer NOT NULL DEFAULT 1,
  CHECK ((status = 'OPERATIONAL') = (commissioned_on IS NOT NULL))
);
CREATE INDEX facility_airport_kind_idx ON facility (airport_iata, kind, id);

-- One tally per shipment at the Beijing hub where it is received.
CREATE TABLE cargo_arrival (
  awb          text PRIMARY KEY CHECK (awb ~ '^\d{3}-\d{8}$'),
  airport_iata text NOT NULL REFERENCES airport (iata_code),
  facility_id  text NOT NULL REFERENCES facility (id),
  arrived_at   timestamptz NOT NULL,
  pieces       integer NOT NULL CHECK (pieces > 0),
  weight_kg    double precision NOT NULL CHECK (weight_kg > 0)
);
CREATE INDEX cargo_arrival_airport_time_idx ON cargo_arrival (airport_iata, arrived_at);

CREATE TABLE handling_event (
  id          bigserial PRIMARY KEY,
  awb         text NOT NULL CHECK (awb ~ '^\d{3}-\d{8}$'),
  at          timestamptz NOT NULL,
  type        text NOT NULL CHECK (type IN (
                'ARRIVED', 'TALLIED', 'STORED', 'INSPECTED_AT_DESIGNATED_SITE',
                'TEMPERATURE_EXCURSION', 'RELEASED_FROM_WAREHOUSE', 'PICKED_UP',
                'TRANSFERRED_FOR_TRANSSHIPMENT')),
  facility_id text REFERENCES facility (id),
  note        text
);
CREATE INDEX handling_event_awb_idx ON handling_event (awb, at, id);
