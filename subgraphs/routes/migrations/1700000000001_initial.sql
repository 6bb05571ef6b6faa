-- Up Migration
-- The civil aviation authority's data: carriers, routes, flights, and which flights carry a
-- shipment (its legs). Airports are referenced by IATA code only: they belong to the airports
-- subgraph. Shipments are referenced by AWB only.

CREATE TABLE airline (
  iata_code    text PRIMARY KEY CHECK (iata_code ~ '^[A-Z0-9]{2}$'),
  icao_code    text CHECK (icao_code ~ '^[A-Z]{3}$'),
  name         text NOT NULL,
  country_code text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  awb_prefix   text UNIQUE CHECK (awb_prefix ~ '^\d{3}$')
);

CREATE TABLE route (
  id                           text PRIMARY KEY,
  airline_iata                 text NOT NULL REFERENCES airline (iata_code),
  origin_iata                  text NOT NULL CHECK (origin_iata ~ '^[A-Z]{3}$'),
  destination_iata             text NOT NULL CHECK (destination_iata ~ '^[A-Z]{3}$'),
  region                       text NOT NULL CHECK (region IN (
                                 'EUROPE', 'NORTH_AMERICA', 'ASIA', 'MIDDLE_EAST', 'OCEANIA',
                                 'AFRICA', 'LATIN_AMERICA')),
  status                       text NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'SUSPENDED', 'RESUMED')),
  weekly_frequency             integer NOT NULL CHECK (weekly_frequency >= 0),
  weekly_cargo_capacity_tonnes double precision CHECK (weekly_cargo_capacity_tonnes >= 0),
  opened_on                    date,
  suspended_on                 date,
  resumed_on                   date,
  version                      integer NOT NULL DEFAULT 1,
  CHECK (origin_iata <> destination_iata),
  CHECK (resumed_on IS NULL OR (suspended_on IS NOT NULL AND resumed_on >= suspended_on))
);
CREATE INDEX route_origin_idx ON route (origin_iata, id);
CREATE INDEX route_destination_idx ON route (destination_iata, id);
CREATE INDEX route_region_status_idx ON route (region, status, id);
CREATE INDEX route_airline_idx ON route (airline_iata);

CREATE TABLE flight (
  number              text NOT NULL CHECK (number ~ '^[A-Z0-9]{2}\d{1,4}[A-Z]?$'),
  date                date NOT NULL,
  route_id            text NOT NULL REFERENCES route (id),
  scheduled_departure timestamptz NOT NULL,
  scheduled_arrival   timestamptz NOT NULL,
  actual_departure    timestamptz,
  actual_arrival      timestamptz,
  status              text NOT NULL CHECK (status IN ('SCHEDULED', 'DEPARTED', 'ARRIVED', 'CANCELLED', 'DIVERTED')),
  version             integer NOT NULL DEFAULT 1,
  PRIMARY KEY (number, date),
  CHECK (scheduled_arrival > scheduled_departure),
  CHECK (actual_arrival IS NULL OR actual_departure IS NULL OR actual_arrival > actual_departure)
);
CREATE INDEX flight_route_date_idx ON flight (route_id, date);

CREATE TABLE shipment_leg (
  awb          text NOT NULL CHECK (awb ~ '^\d{3}-\d{8}$'),
  sequence     integer NOT NULL CHECK (sequence >= 1),
  flight_number text NOT NULL,
  flight_date  date NOT NULL,
  from_iata    text NOT NULL,
  to_iata      text NOT NULL,
  PRIMARY KEY (awb, sequence),
  FOREIGN KEY (flight_number, flight_date) REFERENCES flight (number, date)
);
CREATE INDEX shipment_leg_flight_idx ON shipment_leg (flight_number, flight_date);
