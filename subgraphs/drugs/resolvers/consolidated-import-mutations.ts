import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import {
  AUTHENTICATED,
  badUserInput,
  lockForChange,
  requiresWriteOf,
  reread,
  transition,
} from '../../kit';
import { Context } from '../context';
import { enterpriseInGoodStanding, shipmentExists } from '../cross-agency';
import { ConsolidatedImport, ConsolidatedImportStatus } from '../entities/consolidated-import';
import {
  AddConsolidatedLineInput,
  CreateConsolidatedImportInput,
  LinkConsolidatedShipmentInput,
  SubmitConsolidatedImportInput,
} from '../entities/inputs';
import {
  assertCarriesShipments,
  assertCollecting,
  checkLineRules,
  checkSubmittable,
  importLock,
} from '../rules/consolidated-import';
import { asImportAgent, asQualifiedAgent } from '../rules/write-access';
import { CONSOLIDATED_IMPORT_ENTITY, consolidatedImportMachine } from '../state-machines';
import {
  checkAddConsolidatedLine,
  checkLinkConsolidatedShipment,
  uscc as checkedUscc,
} from '../validation';
import { DrugsWriteRepository } from '../write-repository';

const { COLLECTING, SUBMITTED } = ConsolidatedImportStatus;

@Resolver(() => ConsolidatedImport)
export class ConsolidatedImportMutationResolver {
  @Mutation(() => ConsolidatedImport, {
    description:
      'Opens a consolidated import for a qualified agent, status COLLECTING, with an id like "CI-2026-000123" (history: null → COLLECTING). The agent must be in the customs register (checked through the gateway) and not DISCREDITED. Needs `drugs:write`, or the qualified agent’s own identity.',
  })
  @Directive(AUTHENTICATED)
  async createConsolidatedImport(
    @Arg('input', () => CreateConsolidatedImportInput) input: CreateConsolidatedImportInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const agentUscc = checkedUscc(input.agentUscc, 'input.agentUscc');
    const id = await ctx.mutations.run({
      operation: 'createConsolidatedImport',
      input,
      authorize: asQualifiedAgent(ctx.loaders, agentUscc),
      check: () => enterpriseInGoodStanding(ctx.gateway, agentUscc, 'input.agentUscc'),
      write: async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        if ((await repo.agentCategories(agentUscc)) === null) {
          throw badUserInput(
            `enterprise ${agentUscc} is not a qualified drug import agent (see qualifyAgent)`,
            'input.agentUscc',
          );
        }
        const newId = await repo.nextConsolidatedImportId();
        await repo.insertConsolidatedImport(newId, agentUscc);
        await tx.recordStatusChange({
          entityType: CONSOLIDATED_IMPORT_ENTITY,
          entityId: newId,
          from: null,
          to: COLLECTING,
        });
        return newId;
      },
    });
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }

  @Mutation(() => ConsolidatedImport, {
    description:
      'Adds one approved unit’s need to a COLLECTING consolidated import, as its next line. The approval must be VALID and within its validity dates, cover the institution as an approved unit, and be of a category the agent is qualified for. On an import past COLLECTING: INVALID_STATE_TRANSITION (current = its status, requested = COLLECTING).',
  })
  @Directive(AUTHENTICATED)
  async addConsolidatedLine(
    @Arg('input', () => AddConsolidatedLineInput) input: AddConsolidatedLineInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const line = checkAddConsolidatedLine(input);
    const id = input.consolidatedImportId;
    await ctx.mutations.run({
      operation: 'addConsolidatedLine',
      input,
      authorize: asImportAgent(ctx.loaders, id),
      write: async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        const current = await lockForChange(
          importLock(repo, id, 'input.consolidatedImportId', input.expectedVersion),
        );
        assertCollecting(current);
        await checkLineRules(repo, current, line);
        await repo.appendLine(id, line);
        await repo.touchConsolidatedImport(id);
        return id;
      },
    });
    ctx.loaders.linesByConsolidatedImport.clear(id);
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }

  @Mutation(() => ConsolidatedImport, {
    description:
      'Submits a consolidated import centrally (COLLECTING → SUBMITTED) and sets `submittedAt`. It needs at least one line, and every line’s approval must still be VALID and within its validity dates.',
  })
  @Directive(AUTHENTICATED)
  async submitConsolidatedImport(
    @Arg('input', () => SubmitConsolidatedImportInput) input: SubmitConsolidatedImportInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const id = input.id;
    await ctx.mutations.run({
      operation: 'submitConsolidatedImport',
      input,
      authorize: asImportAgent(ctx.loaders, id),
      write: async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        await transition(tx, {
          ...importLock(repo, id, 'input.id', input.expectedVersion),
          machine: consolidatedImportMachine,
          to: SUBMITTED,
          apply: async () => {
            await checkSubmittable(repo, id);
            await repo.setConsolidatedImportStatus(id, SUBMITTED);
          },
        });
        return id;
      },
    });
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }

  @Mutation(() => ConsolidatedImport, {
    description:
      'Records a shipment (in the customs register, checked through the gateway) as carrying goods of a SUBMITTED, APPROVED or IN_TRANSIT consolidated import. Linking it again to the same import changes nothing; a shipment linked to another import is refused.',
  })
  @Directive(requiresWriteOf('drugs'))
  async linkConsolidatedShipment(
    @Arg('input', () => LinkConsolidatedShipmentInput) input: LinkConsolidatedShipmentInput,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport> {
    const { awb } = checkLinkConsolidatedShipment(input);
    const id = input.consolidatedImportId;
    await ctx.mutations.run({
      operation: 'linkConsolidatedShipment',
      input,
      check: () => shipmentExists(ctx.gateway, awb, 'input.awb'),
      write: async (tx) => {
        const repo = new DrugsWriteRepository(tx);
        const current = await lockForChange(
          importLock(repo, id, 'input.consolidatedImportId', input.expectedVersion),
        );
        assertCarriesShipments(current);
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
    });
    ctx.loaders.shipmentsByConsolidatedImport.clear(id);
    return reread(ctx.loaders.consolidatedImportById, id, CONSOLIDATED_IMPORT_ENTITY);
  }
}
