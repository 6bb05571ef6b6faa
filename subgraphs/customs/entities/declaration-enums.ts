/**
 * The enums of `declaration.ts`, registered with type-graphql in a module of their own, so that the
 * demo seeder can write their values without loading the subgraph.
 */
import { registerEnumType } from 'type-graphql';
import { DeclarationStatus } from '../rules/clearance';

// Declared with customs' clearance rule, which sums declarations up by it.
export { DeclarationStatus };
registerEnumType(DeclarationStatus, {
  name: 'DeclarationStatus',
  description: 'Where a customs declaration stands.',
});

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
