import { makeDeclarationNumber } from '../../subgraphs/kit/identifiers';
import type { Cargo } from './cargo';
import { DEMO_NOW, officeForPort } from './config';
import { declarationHistory } from './history';
import { Kind, PROFILE } from './kinds';
import type { Trip } from './routing';
import type { Output } from './shipments';
import type { DeclarationPlan } from './timeline';
import { beijingYear, iso, MINUTE } from './time';
import { DeclarationState, DeclarationStatus, InspectionResult } from './vocabulary';

/**
 * A shipment's declarations as customs records them at "now": each plan cut at "now", with its
 * items and licences, and the states the clearance rule sums up.
 */

/** Where a declaration stands at "now". */
interface Standing {
  status: `${DeclarationStatus}`;
  releasedAt: number | null;
  reason: string | null;
  result: `${InspectionResult}` | null;
  completed: number | null;
}

/** What customs has decided of a declaration's plan by "now". */
function standingAtNow(d: DeclarationPlan): Standing {
  const S = DeclarationStatus;
  const open = { releasedAt: null, reason: null, result: null, completed: null };
  const pending = { ...open, result: InspectionResult.PENDING };
  switch (d.intent) {
    case 'REJECT':
      return d.decided <= DEMO_NOW
        ? { ...open, status: S.REJECTED, reason: d.reason }
        : { ...open, status: S.UNDER_REVIEW };
    case 'HOLD_INSPECTION':
      return { ...pending, status: S.INSPECTION_REQUIRED };
    case 'HOLD_REVIEW':
      return { ...open, status: S.UNDER_REVIEW };
  }
  const passed = { result: InspectionResult.PASSED, completed: d.inspectionDone };
  if (d.decided <= DEMO_NOW) {
    return d.inspectionSite
      ? { ...open, ...passed, status: S.RELEASED, releasedAt: d.decided }
      : { ...open, status: S.RELEASED, releasedAt: d.decided };
  }
  if (d.inspectionSite) {
    return d.inspectionDone! <= DEMO_NOW
      ? { ...open, ...passed, status: S.ACCEPTED }
      : { ...pending, status: S.INSPECTION_REQUIRED };
  }
  // Undecided and not inspected: just filed, or accepted and perhaps under review.
  if (DEMO_NOW - d.filed < 30 * MINUTE) return { ...open, status: S.FILED };
  return { ...open, status: Math.floor(d.filed / 1000) % 3 === 0 ? S.UNDER_REVIEW : S.ACCEPTED };
}

function declarationNumber(out: Output, port: string, filed: number, kind: Kind): string {
  const serial = (out.counters.declaration++ * 7919 + 1234567) % 1_000_000_000;
  return makeDeclarationNumber(
    officeForPort(port),
    beijingYear(filed),
    PROFILE[kind].direction,
    serial,
  );
}

/** A: inspection and quarantine; U: legal catch of wild or farmed fish; Q: imported drugs. */
function licenceNumber(out: Output, code: string, year: number, country: string): string {
  const n = String(out.counters.licence++).padStart(9, '0');
  switch (code) {
    case 'A':
      return `110${year}${n}`;
    case 'U':
      return `${country}-CC-${year}-${n.slice(3)}`;
    default:
      return `${year}110000${n.slice(2)}`;
  }
}

/** The licences a declaration of the kind needs, with the country each is issued for. */
function licencesFor(kind: Kind, trip: Trip, cargo: Cargo): [string, string][] {
  if (kind === 'FRUIT' || kind === 'SEAFOOD') {
    const salmon = trip.variant === 'ATLANTIC_SALMON' || trip.variant === 'PACIFIC_SALMON';
    return salmon
      ? [
          ['A', cargo.originCountry],
          ['U', cargo.lines[0].origin],
        ]
      : [['A', cargo.originCountry]];
  }
  return kind === 'DRUG' ? [['Q', cargo.originCountry]] : [];
}

/**
 * Writes the declarations filed by "now" (none before the cargo arrived), each with its history,
 * items and licences; returns where each stands, for the clearance rule.
 */
export function writeDeclarations(
  out: Output,
  awb: string,
  kind: Kind,
  trip: Trip,
  cargo: Cargo,
  declarantUscc: string,
  plans: readonly DeclarationPlan[],
): DeclarationState[] {
  const s = out.sink;
  const profile = PROFILE[kind];
  const total = cargo.lines.reduce((sum, l) => sum + l.value, 0) * cargo.rate;
  const states: DeclarationState[] = [];
  for (const d of plans) {
    if (d.filed > DEMO_NOW) continue;
    const number = declarationNumber(out, trip.port, d.filed, kind);
    const now = standingAtNow(d);
    states.push({
      status: now.status,
      releasedAt: now.releasedAt === null ? null : new Date(now.releasedAt),
    });
    s.add(
      'declaration',
      number,
      awb,
      profile.direction,
      officeForPort(trip.port),
      profile.supervisionMode,
      now.status,
      declarantUscc,
      iso(d.filed),
      now.releasedAt === null ? null : iso(now.releasedAt),
      now.reason,
      total.toFixed(2),
      cargo.currency,
      profile.bondedZone,
      d.inspectionSite !== null,
      d.inspectionSite,
      now.result,
      now.completed === null ? null : iso(now.completed),
    );
    const decided =
      now.status === DeclarationStatus.RELEASED || now.status === DeclarationStatus.REJECTED;
    declarationHistory(
      out.history,
      {
        number,
        status: now.status,
        filed: d.filed,
        decided: decided ? d.decided : null,
        reason: now.reason,
        inspected: d.inspectionSite !== null,
        inspectionDone: d.inspectionDone,
      },
      out.historyRng,
    );
    cargo.lines.forEach((l, i) =>
      s.add(
        'declaration_item',
        number,
        i + 1,
        l.goods.hs,
        l.description,
        l.quantity,
        l.goods.unit,
        (l.value * cargo.rate).toFixed(2),
        cargo.currency,
        l.origin,
        l.remanufactured,
        l.remanufactured,
        l.approval,
      ),
    );
    const year = beijingYear(d.filed);
    for (const [code, country] of licencesFor(kind, trip, cargo)) {
      s.add('licence', number, code, licenceNumber(out, code, year, country));
    }
  }
  return states;
}
