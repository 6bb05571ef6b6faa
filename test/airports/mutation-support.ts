import { GraphQLResponse } from './harness';

/** The one error of a refused mutation, with its code and field. */
export function refusal(res: GraphQLResponse): {
  message: string;
  code: unknown;
  field: unknown;
  extensions: Record<string, unknown>;
} {
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  return {
    message: error.message,
    code: error.extensions?.code,
    field: error.extensions?.field,
    extensions: error.extensions ?? {},
  };
}

export const SHIPMENT_SELECTION = `awb
  arrival { airport { iataCode } facility { id } arrivedAt pieces weightKg }
  handlingEvents { at type facility { id } note }`;

export const RECORD_ARRIVAL = `mutation($input: RecordArrivalInput!) {
  recordArrival(input: $input) { ${SHIPMENT_SELECTION} }
}`;

export const RECORD_EVENT = `mutation($input: RecordHandlingEventInput!) {
  recordHandlingEvent(input: $input) { ${SHIPMENT_SELECTION} }
}`;

export const SET_FACILITY_STATUS = `mutation($input: SetFacilityStatusInput!) {
  setFacilityStatus(input: $input) {
    id status commissionedOn version
    history { from to actor reason at }
  }
}`;
