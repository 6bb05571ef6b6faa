/**
 * The words the demo data is written in, taken from the agencies that own them, so that the rows
 * it seeds say what the subgraphs read: their enums (from each agency's `entities/`) and customs'
 * clearance rule and routes' history id of a flight. One import site, so a move in a subgraph is one line to follow here.
 */

// The entity modules declare type-graphql classes, whose decorators need this polyfill first.
import 'reflect-metadata';

export { FacilityKind, FacilityStatus } from '../../subgraphs/airports/entities/facility';
export { HandlingEventType } from '../../subgraphs/airports/entities/shipment';
export { ZoneSupervisionModel } from '../../subgraphs/customs/entities/bonded-zone';
export { InspectionResult, TradeDirection } from '../../subgraphs/customs/entities/declaration';
export { CreditRating } from '../../subgraphs/customs/entities/enterprise';
export {
  ApplicationStatus,
  SpecialGoodsCategory,
  SpecialGoodsRisk,
} from '../../subgraphs/customs/entities/special-goods-application';
export { ConsolidatedImportStatus } from '../../subgraphs/drugs/entities/consolidated-import';
export { ApprovalStatus, DrugCategory } from '../../subgraphs/drugs/entities/drug-approval';
export { FlightStatus } from '../../subgraphs/routes/entities/flight';
export { Region, RouteStatus } from '../../subgraphs/routes/entities/route';
export { flightHistoryId } from '../../subgraphs/routes/state-machines';
export {
  ClearanceStatus,
  DeclarationStatus,
  summariseClearance,
} from '../../subgraphs/customs/rules/clearance';
export type { DeclarationState } from '../../subgraphs/customs/rules/clearance';
