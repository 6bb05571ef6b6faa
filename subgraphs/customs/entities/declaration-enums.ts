/**
 * The enums of `declaration.ts`, in a module of their own: the demo seeder writes their values and loads
 * them without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';

export enum TradeDirection {
  IMPORT = 'IMPORT',
  EXPORT = 'EXPORT',
}
registerEnumType(TradeDirection, { name: 'TradeDirection', description: 'Import or export.' });

export enum InspectionResult {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  PENDING = 'PENDING',
}
registerEnumType(InspectionResult, {
  name: 'InspectionResult',
  description: 'Outcome of a physical inspection or quarantine check.',
});
