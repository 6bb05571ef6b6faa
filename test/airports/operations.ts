/** The airports mutations as the tests send them. */
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
