/**
 * The words the demo data is written in, taken from the agencies that own them, so that the rows
 * it seeds say what the subgraphs read: their enums (each entity's `entities/*-enums.ts`) and customs'
 * clearance rule and routes' history id of a flight. One import site, so a move in a subgraph is one line to follow here.
 */

// type-graphql (which registers the enums) reads design-time types through this polyfill.
import 'reflect-metadata';

export { FacilityKind, FacilityStatus } from '../../subgraphs/airports/entities/facility-enums';
export { HandlingEventType } from '../../subgraphs/airports/entities/shipment-enums';
export { ZoneSupervisionModel } from '../../subgraphs/customs/entities/bonded-zone-enums';
export {
  InspectionResult,
  TradeDirection,
} from '../../subgraphs/customs/entities/declaration-enums';
export { CreditRating } from '../../subgraphs/customs/entities/enterprise-enums';
export {
  ApplicationStatus,
  SpecialGoodsCategory,
  SpecialGoodsRisk,
} from '../../subgraphs/customs/entities/special-goods-application-enums';
export { ConsolidatedImportStatus } from '../../subgraphs/drugs/entities/consolidated-import-enums';
export { ApprovalStatus, DrugCategory } from '../../subgraphs/drugs/entities/drug-approval-enums';
export { FlightStatus } from '../../subgraphs/routes/entities/flight-enums';
export { Region, RouteStatus } from '../../subgraphs/routes/entities/route-enums';
export { flightHistoryId } from '../../subgraphs/routes/entities/flight-history-id';
export {
  ClearanceStatus,
  DeclarationStatus,
  summariseClearance,
} from '../../subgraphs/customs/rules/clearance';
export type { DeclarationState } from '../../subgraphs/customs/rules/clearance';
