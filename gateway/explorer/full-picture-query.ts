/** The contract's full cross-agency picture of one shipment: the explorer opens with it. */
export const FULL_PICTURE_QUERY = `# A shipment's full cross-agency picture: each part is served by the agency that owns it.
query Picture($awb: ID!) {
  shipment(awb: $awb) {
    awb
    manifest { origin { iataCode name } destination { iataCode isBeijingHub } consignee { name drugImportAgent { categories } } pieces grossWeightKg }
    carrier { name } isTransshipment
    legs { sequence from { iataCode } to { iataCode } flight { number date status actualArrival route { id region status } } }
    arrival { airport { iataCode } facility { kind name } arrivedAt }
    handlingEvents { at type }
    declarations { number status supervisionMode { code } bondedZone { name supervisionModel }
                   items { hsCode remanufactured supervisedAsNew drugApproval { number category approvedUnits { name } } }
                   inspection { required result site { kind } } licences { code number } }
    clearance { status releasedAt hoursFromArrivalToRelease }
    consolidatedImport { agent { name } status specialGoodsApplication { number status riskLevel } }
  }
}
`;
