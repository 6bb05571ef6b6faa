import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import {
  badUserInput,
  invalidTransition,
  notFound,
  recordStatusChange,
  runMutation,
  Tx,
  versionConflict,
} from '../../kit';
import { Context } from '../context';
import { enterpriseInGoodStanding, shipmentExists } from '../customs-register';
import { ConsolidatedImport, ConsolidatedImportStatus } from '../entities/consolidated-import';
import {
  AddConsolidatedLineInput,
  CreateConsolidatedImportInput,
  LinkConsolidatedShipmentInput,
  SubmitConsolidatedImportInput,
} from '../entities/inputs';
import { CONSOLIDATED_IMPORT_ENTITY, consolidatedImportMachine } from '../state-machines';
import {
  checkAddConsolidatedLine,
  checkLinkConsolidatedShipment,
  uscc as checkedUscc,
} from '../validation';
import { DrugsWriteRepository, LockedImport } from '../write-repository';
import { mutationInput, reread } from './mutation-support';
import { checkLineRules } from './line-rules';

const { COLLECTING, SUBMITTED, APPROVED, IN_TRANSIT } = ConsolidatedImportStatus;

/** Locks the import for the change and checks `expectedVersion`. */
async function lockImport(
  repo: DrugsWriteRepository,
  id: string,
  field: string,
  expectedVersion: number | null | undefined,
): Promise<LockedImport> {
  const current = await repo.lockConsolidatedImport(id);
  if (!current) throw notFound(`consolidated import ${id} does not exist`, field);
  if (expectedVersion != null && expectedVersion !== current.version) {
    throw versionConflict(CONSOLIDATED_IMPORT_ENTITY, id, expectedVersion, current.version);
  }
  return current;
}

@Resolver(() => ConsolidatedImport)
export class ConsolidatedImportMutationResolver {
  @Mutation(() => ConsolidatedImport, {
    description:
      'Opens a consolidated import for a qualified agent, status COLLECTING, with an id like "CI-2026-000123" (history: null → COLLECTING). The agent must be in the customs register (checked through the gateway) and not DISCREDITED.',
  })
  async createConsolidatedImport(
    @Arg('input', () => CreateConsolidatedImportInput) input: CreateConsolidatedImportInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const agentUscc = checkedUscc(input.agentUscc, 'input.agentUscc');
    await enterpriseInGoodStanding(ctx.gateway, agentUscc, 'input.agentUscc');
    const id = await runMutation(
      {
        db: ctx.db,
        agency: 'drugs',
        operation: 'createConsolidatedImport',
        idempotencyKey: input.idempotencyKey,
        input: mutationInput(input),
      },
      async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        if ((await repo.agentCategories(agentUscc)) === null) {
          throw badUserInput(
            `enterprise ${agentUscc} is not a qualified drug import agent (see qualifyAgent)`,
            'input.agentUscc',
          );
        }
        const newId = await repo.nextConsolidatedImportId();
        await repo.insertConsolidatedImport(newId, agentUscc);
        await recordStatusChange(tx, 'drugs', {
          entityType: CONSOLIDATED_IMPORT_ENTITY,
          entityId: newId,
          from: null,
          to: COLLECTING,
          actor: ctx.actor,
        });
        return newId;
      },
    );
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }

  @Mutation(() => ConsolidatedImport, {
    description:
      'Adds one approved unit’s need to a COLLECTING consolidated import, as its next line. The approval must be VALID and within its validity dates, cover the institution as an approved unit, and be of a category the agent is qualified for. On an import past COLLECTING: INVALID_STATE_TRANSITION (current = its status, requested = COLLECTING).',
  })
  async addConsolidatedLine(
    @Arg('input', () => AddConsolidatedLineInput) input: AddConsolidatedLineInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const line = checkAddConsolidatedLine(input);
    const id = input.consolidatedImportId;
    await runMutation(
      {
        db: ctx.db,
        agency: 'drugs',
        operation: 'addConsolidatedLine',
        idempotencyKey: input.idempotencyKey,
        input: mutationInput(input),
      },
      async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        const current = await lockImport(
          repo,
          id,
          'input.consolidatedImportId',
          input.expectedVersion,
        );
        if (current.status !== COLLECTING) {
          throw invalidTransition(
            CONSOLIDATED_IMPORT_ENTITY,
            id,
            current.status,
            COLLECTING,
            'lines can be added only while it is COLLECTING',
          );
        }
        await checkLineRules(repo, current, line);
        await repo.appendLine(id, line);
        await repo.touchConsolidatedImport(id);
        return id;
      },
    );
    ctx.loaders.linesByConsolidatedImport.clear(id);
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }

  @Mutation(() => ConsolidatedImport, {
    description:
      'Submits a consolidated import centrally (COLLECTING → SUBMITTED) and sets `submittedAt`. It needs at least one line, and every line’s approval must still be VALID and within its validity dates.',
  })
  async submitConsolidatedImport(
    @Arg('input', () => SubmitConsolidatedImportInput) input: SubmitConsolidatedImportInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const id = input.id;
    await runMutation(
      {
        db: ctx.db,
        agency: 'drugs',
        operation: 'submitConsolidatedImport',
        idempotencyKey: input.idempotencyKey,
        input: mutationInput(input),
      },
      async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        const current = await lockImport(repo, id, 'input.id', input.expectedVersion);
        consolidatedImportMachine.assert(id, current.status, SUBMITTED);
        await checkSubmittable(repo, id);
        await repo.setConsolidatedImportStatus(id, SUBMITTED);
        await recordChange(tx, ctx, id, current.status, SUBMITTED);
        return id;
      },
    );
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }

  @Mutation(() => ConsolidatedImport, {
    description:
      'Records a shipment (in the customs register, checked through the gateway) as carrying goods of a SUBMITTED, APPROVED or IN_TRANSIT consolidated import. Linking it again to the same import changes nothing; a shipment linked to another import is refused.',
  })
  async linkConsolidatedShipment(
    @Arg('input', () => LinkConsolidatedShipmentInput) input: LinkConsolidatedShipmentInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const { awb } = checkLinkConsolidatedShipment(input);
    const id = input.consolidatedImportId;
    await shipmentExists(ctx.gateway, awb, 'input.awb');
    await runMutation(
      {
        db: ctx.db,
        agency: 'drugs',
        operation: 'linkConsolidatedShipment',
        idempotencyKey: input.idempotencyKey,
        input: mutationInput(input),
      },
      async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        const current = await lockImport(
          repo,
          id,
          'input.consolidatedImportId',
          input.expectedVersion,
        );
        if (![SUBMITTED, APPROVED, IN_TRANSIT].includes(current.status)) {
          throw badUserInput(
            `consolidated import ${id} is ${current.status}: shipments are recorded once it is SUBMITTED and until it is DELIVERED`,
            'input.consolidatedImportId',
          );
        }
        const linkedTo = await repo.importOfShipment(awb);
        if (linkedTo === id) return id;
        if (linkedTo !== null || !(await repo.linkShipment(id, awb))) {
          throw badUserInput(
            `shipment ${awb} already carries goods of consolidated import ${linkedTo ?? 'another import'}`,
            'input.awb',
          );
        }
        await repo.touchConsolidatedImport(id);
        return id;
      },
    );
    ctx.loaders.shipmentsByConsolidatedImport.clear(id);
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }
}

async function checkSubmittable(repo: DrugsWriteRepository, id: string): Promise<void> {
  if ((await repo.lineCount(id)) === 0) {
    throw badUserInput(
      `consolidated import ${id} has no lines: add at least one before submitting`,
      'input.id',
    );
  }
  const [problem] = await repo.lineApprovalProblems(id);
  if (problem) {
    const why = problem.status !== 'VALID' ? `is ${problem.status}` : 'is past its validity date';
    throw badUserInput(
      `line ${problem.line} of consolidated import ${id} cites approval ${problem.approvalNumber}, which ${why}`,
      'input.id',
    );
  }
}

function recordChange(
  tx: Tx,
  ctx: Context,
  id: string,
  from: ConsolidatedImportStatus,
  to: ConsolidatedImportStatus,
): Promise<void> {
  return recordStatusChange(tx, 'drugs', {
    entityType: CONSOLIDATED_IMPORT_ENTITY,
    entityId: id,
    from,
    to,
    actor: ctx.actor,
  });
}
