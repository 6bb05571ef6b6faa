/**
 * The enums of `shipment.ts`, registered with type-graphql in a module of their own, so that the
 * demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

/** What happened to a shipment's cargo at a Beijing hub. */
export enum HandlingEventType {
  ARRIVED = 'ARRIVED',
  TALLIED = 'TALLIED',
  STORED = 'STORED',
  INSPECTED_AT_DESIGNATED_SITE = 'INSPECTED_AT_DESIGNATED_SITE',
  TEMPERATURE_EXCURSION = 'TEMPERATURE_EXCURSION',
  RELEASED_FROM_WAREHOUSE = 'RELEASED_FROM_WAREHOUSE',
  PICKED_UP = 'PICKED_UP',
  TRANSFERRED_FOR_TRANSSHIPMENT = 'TRANSFERRED_FOR_TRANSSHIPMENT',
}

registerEnumType(HandlingEventType, {
  name: 'HandlingEventType',
  description: "A step in the airport's handling of a shipment's cargo.",
  valuesConfig: {
    ARRIVED: { description: 'The cargo was unloaded from the aircraft.' },
    TALLIED: { description: 'Pieces and weight were tallied against the manifest.' },
    STORED: { description: 'The cargo was received into a warehouse.' },
    INSPECTED_AT_DESIGNATED_SITE: {
      description: 'Customs inspected the cargo at a designated supervision site.',
    },
    TEMPERATURE_EXCURSION: { description: 'The cold chain was broken: temperature out of range.' },
    RELEASED_FROM_WAREHOUSE: { description: 'The warehouse released the cargo after clearance.' },
    PICKED_UP: { description: 'The consignee or its agent collected the cargo.' },
    TRANSFERRED_FOR_TRANSSHIPMENT: { description: 'The cargo was moved to an onward flight.' },
  },
});
