import { badUserInput } from '../../kit';
import { RegisterManifestInput } from '../entities/inputs/register-manifest-input';
import { validAirport, validAwb, validUscc } from '../validation';
import { positiveInt, positiveNumber, text } from './input-checks';

/** A manifest as the write repository stores it: every field checked and normalised. */
export interface ManifestRow {
  awb: string;
  originIata: string;
  destinationIata: string;
  portOfEntryIata: string;
  shipper: string;
  consigneeUscc: string;
  pieces: number;
  grossWeightKg: number;
  goodsDescription: string;
  manifestedAt: Date;
}

export function validManifest(input: RegisterManifestInput, now: Date): ManifestRow {
  const f = (name: string) => `input.${name}`;
  const row: ManifestRow = {
    awb: validAwb(input.awb, f('awb')),
    originIata: validAirport(input.origin, f('origin')),
    destinationIata: validAirport(input.destination, f('destination')),
    portOfEntryIata: validAirport(input.portOfEntry, f('portOfEntry')),
    shipper: text(input.shipper, f('shipper'), 200),
    consigneeUscc: validUscc(input.consignee, f('consignee')),
    pieces: positiveInt(input.pieces, f('pieces')),
    grossWeightKg: positiveNumber(input.grossWeightKg, f('grossWeightKg')),
    goodsDescription: text(input.goodsDescription, f('goodsDescription'), 1000),
    manifestedAt: input.manifestedAt ?? now,
  };
  if (row.originIata === row.destinationIata) {
    throw badUserInput(
      `origin and destination are both ${row.originIata}: a shipment goes somewhere else`,
      f('destination'),
    );
  }
  return row;
}
