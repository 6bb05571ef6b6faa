import { CAPITAL_AIRPORT_OFFICE, DAXING_AIRPORT_OFFICE } from './config';
import { flightState, FlightTable } from './flights';
import {
  AGENTS,
  AIRLINES,
  AIRPORTS,
  BONDED_ZONES,
  DRUG_APPROVALS,
  EnterpriseRef,
  FACILITIES,
  INSTITUTIONS,
  ROUTES,
  SUPERVISION_MODES,
} from './reference';
import { RowSink } from './tables';
import { iso } from './time';

/** Writes every agency's reference rows (and the flight timetable) into the sink. */
export function writeReferenceRows(
  sink: RowSink,
  enterprises: readonly EnterpriseRef[],
  flights: FlightTable,
): void {
  for (const a of AIRPORTS) {
    sink.add('airport', a.iata, a.icao, a.name, a.city, a.country, a.tz, a.hub === true);
  }
  for (const f of FACILITIES) {
    sink.add(
      'facility',
      f.id,
      f.airport,
      f.kind,
      f.name,
      f.status,
      f.commissionedOn,
      f.capacityTonnes,
    );
  }

  for (const a of AIRLINES) sink.add('airline', a.iata, a.icao, a.name, a.country, a.prefix);
  for (const r of ROUTES) {
    sink.add(
      'route',
      r.id,
      r.airline,
      r.origin,
      r.destination,
      r.region,
      r.status,
      r.weeklyFrequency,
      r.weeklyCapacityTonnes,
      r.openedOn,
      r.suspendedOn,
      r.resumedOn,
    );
  }
  for (const f of flights.all) {
    const state = flightState(f);
    sink.add(
      'flight',
      f.number,
      f.date,
      f.route.id,
      iso(f.scheduledDeparture),
      iso(f.scheduledArrival),
      state.actualDeparture === null ? null : iso(state.actualDeparture),
      state.actualArrival === null ? null : iso(state.actualArrival),
      state.status,
    );
  }

  sink.add('customs_office', '0100', 'Beijing Customs');
  sink.add(
    'customs_office',
    CAPITAL_AIRPORT_OFFICE,
    'Beijing Capital International Airport Customs',
  );
  sink.add('customs_office', DAXING_AIRPORT_OFFICE, 'Beijing Daxing International Airport Customs');
  for (const m of SUPERVISION_MODES) sink.add('supervision_mode', m.code, m.name);
  for (const e of enterprises) sink.add('enterprise', e.uscc, e.name, e.rating);
  for (const a of AGENTS) sink.add('enterprise', a.uscc, a.name, a.rating);
  for (const z of BONDED_ZONES) {
    sink.add('bonded_zone', z.code, z.name, z.airport, z.model, z.areaKm2, z.openedOn);
  }

  for (const i of INSTITUTIONS) sink.add('medical_institution', i.id, i.name, i.district);
  for (const a of DRUG_APPROVALS) {
    sink.add(
      'drug_approval',
      a.number,
      a.product,
      a.category,
      a.manufacturer,
      a.origin,
      a.approvedOn,
      a.validUntil,
      a.status,
      a.safetyAssessed,
    );
  }
  for (const a of DRUG_APPROVALS) for (const u of a.units) sink.add('approved_unit', a.number, u);
  for (const a of AGENTS) {
    sink.add('agent_qualification', a.uscc, a.qualifiedSince, `{${a.categories.join(',')}}`);
  }
}
