import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { assertValid, badUserInput, invalidTransition, requiresWriteOf } from '../../kit';
import type { Context } from '../context';
import { checkInspectionFacility } from '../cross-agency';
import { Declaration, InspectionResult } from '../entities/declaration';
import {
  RecordInspectionResultInput,
  RequireInspectionInput,
} from '../entities/inputs/declaration-transition-inputs';
import { DeclarationStatus } from '../rules/clearance';
import { changeDeclaration, statusMove } from '../rules/declaration-change';
import { notBefore, optionalText } from '../rules/input-checks';
import { declarationLifecycle, inspectionLifecycle } from '../state-machines';
import { checkReference } from '../validation';

@Resolver()
export class InspectionMutationResolver {
  @Mutation(() => Declaration, {
    description:
      "Requires a physical inspection / quarantine of the goods at a facility (ACCEPTED or UNDER_REVIEW → INSPECTION_REQUIRED; result PENDING). The facility must exist, be OPERATIONAL and be at the shipment's port of entry (airports agency, through the gateway).",
  })
  @Directive(requiresWriteOf('customs'))
  requireInspection(
    @Arg('input', () => RequireInspectionInput, { description: 'Which declaration, and where.' })
    input: RequireInspectionInput,
    @Ctx() ctx: Context,
  ): Promise<Declaration> {
    assertValid(checkReference(input.facility, 'a facility id'), 'input.facility');
    const reason = optionalText(input.reason, 'input.reason');
    return changeDeclaration(ctx, {
      operation: 'requireInspection',
      input,
      possibleFrom: (d) =>
        declarationLifecycle.can(d.status, DeclarationStatus.INSPECTION_REQUIRED),
      precheck: async (d) => {
        const shipment = await ctx.loaders.shipmentByAwb.load(d.awb);
        if (!shipment) throw new Error(`shipment ${d.awb} of declaration ${d.number} is missing`);
        return checkInspectionFacility(ctx.gateway, input.facility, shipment.portOfEntryIata);
      },
      apply: ({ declaration }) => ({
        patch: {
          status: DeclarationStatus.INSPECTION_REQUIRED,
          inspectionRequired: true,
          inspectionSiteId: input.facility,
          inspectionResult: InspectionResult.PENDING,
          inspectionCompletedAt: null,
        },
        history: [
          statusMove(
            declaration,
            DeclarationStatus.INSPECTION_REQUIRED,
            reason ?? `inspection at ${input.facility}`,
          ),
          {
            entityType: 'Inspection',
            from: declaration.inspectionResult,
            to: InspectionResult.PENDING,
            reason: `at ${input.facility}`,
          },
        ],
      }),
    });
  }

  @Mutation(() => Declaration, {
    description:
      'Records the outcome of the pending inspection of an INSPECTION_REQUIRED declaration (PENDING → PASSED or FAILED, once). The declaration stays INSPECTION_REQUIRED: release it (after PASSED) or reject it.',
  })
  @Directive(requiresWriteOf('customs'))
  recordInspectionResult(
    @Arg('input', () => RecordInspectionResultInput, {
      description: 'Which declaration, and the outcome.',
    })
    input: RecordInspectionResultInput,
    @Ctx() ctx: Context,
  ): Promise<Declaration> {
    if (input.result === InspectionResult.PENDING) {
      throw badUserInput('an inspection result is PASSED or FAILED', 'input.result');
    }
    const completedAt = input.completedAt ?? new Date();
    return changeDeclaration(ctx, {
      operation: 'recordInspectionResult',
      input,
      apply: ({ declaration }) => {
        if (declaration.status !== DeclarationStatus.INSPECTION_REQUIRED) {
          throw invalidTransition(
            'Inspection',
            declaration.number,
            declaration.inspectionResult ?? 'NOT_REQUIRED',
            input.result,
            `the declaration is ${declaration.status}: a result is recorded only while it is INSPECTION_REQUIRED`,
          );
        }
        const current = declaration.inspectionResult ?? InspectionResult.PENDING;
        inspectionLifecycle.assert(declaration.number, current, input.result);
        notBefore(
          completedAt,
          declaration.filedAt,
          'input.completedAt',
          'completedAt',
          'the filing',
        );
        return {
          patch: { inspectionResult: input.result, inspectionCompletedAt: completedAt },
          history: [{ entityType: 'Inspection', from: current, to: input.result }],
        };
      },
    });
  }
}
