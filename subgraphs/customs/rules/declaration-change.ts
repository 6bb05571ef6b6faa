import { checkExpectedVersion, lockForChange, notFound, reread } from '../../kit';
import type { Context } from '../context';
import { Declaration } from '../entities/declaration';
import { DeclarationTransitionInput } from '../entities/inputs/declaration-transition-inputs';
import { declarationLifecycle } from '../state-machines';
import { validDeclarationNumber } from '../validation';
import {
  CustomsWriteRepository,
  DeclarationPatch,
  LockedDeclaration,
  LockedShipment,
} from '../write-repository';
import { DeclarationStatus } from './clearance';

/** One history row to write: a status change of the declaration or of its inspection. */
export interface HistoryEntry {
  entityType: 'Declaration' | 'Inspection';
  from: string | null;
  to: string;
  reason?: string | null;
}

export interface DeclarationChange {
  patch: DeclarationPatch;
  history: HistoryEntry[];
}

export interface ChangeSpec<T> {
  operation: string;
  input: DeclarationTransitionInput;
  /**
   * Facts from other agencies, read before the transaction. Skipped when the change is
   * impossible from the state read beforehand (`possibleFrom`), so an illegal move is reported as
   * such even while another agency is down.
   */
  precheck?: (before: Declaration) => Promise<T>;
  possibleFrom?: (before: Declaration) => boolean;
  /** Under the row locks, version already checked: the state rules and what to write. */
  apply: (locked: {
    repo: CustomsWriteRepository;
    declaration: LockedDeclaration;
    shipment: LockedShipment;
    facts: T | undefined;
  }) => Promise<DeclarationChange> | DeclarationChange;
}

/** A status move of the declaration's lifecycle (INVALID_STATE_TRANSITION unless allowed). */
export function statusMove(
  d: LockedDeclaration,
  to: DeclarationStatus,
  reason?: string | null,
): HistoryEntry {
  declarationLifecycle.assert(d.number, d.status, to);
  return { entityType: 'Declaration', from: d.status, to, reason };
}

/**
 * Every change of an existing declaration takes this path: validate the number, read the
 * declaration, check other agencies' facts, then one transaction that locks the shipment and the
 * declaration (in that order), checks `expectedVersion`, applies the change's rules, writes the
 * row (version + 1), its history and the shipment's clearance summary. Returns the declaration
 * re-read after the commit.
 */
export async function changeDeclaration<T>(
  ctx: Context,
  spec: ChangeSpec<T>,
): Promise<Declaration> {
  const number = validDeclarationNumber(spec.input.number, 'input.number');
  const missing = { message: `no declaration has the number ${number}`, field: 'input.number' };
  const before = await ctx.loaders.declarationByNumber.load(number);
  if (!before) throw notFound(missing.message, missing.field);

  const { precheck } = spec;
  const checked = precheck !== undefined && (spec.possibleFrom?.(before) ?? true);
  await ctx.mutations.run<string, T | undefined>({
    operation: spec.operation,
    input: spec.input,
    check: checked ? () => precheck(before) : undefined,
    write: async (tx, facts) => {
      const repo = new CustomsWriteRepository(tx);
      // The shipment before the declaration, always: its clearance summary follows the change.
      const shipment = await repo.lockShipment(before.awb);
      const declaration = await lockForChange({
        entity: 'Declaration',
        id: number,
        lock: () => repo.lockDeclaration(number),
        missing,
        expectedVersion: spec.input.expectedVersion,
      });
      if (!shipment) throw new Error(`shipment ${before.awb} of declaration ${number} vanished`);
      if (precheck && !checked) {
        // The other agencies' facts were not read because the move looked impossible; if the
        // declaration has moved since, the caller must look again.
        checkExpectedVersion('Declaration', number, before.version, declaration.version);
      }
      const change = await spec.apply({ repo, declaration, shipment, facts });
      await repo.updateDeclaration(number, change.patch);
      for (const entry of change.history) {
        await tx.recordStatusChange({ ...entry, entityId: number });
      }
      await repo.syncClearance(before.awb);
      return number;
    },
  });
  ctx.loaders.shipmentByAwb.clear(before.awb);
  return reread(ctx.loaders.declarationByNumber, number, 'Declaration');
}
