import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { invalidTransition, requiresWriteOf, ruleViolation } from '../../kit';
import type { Context } from '../context';
import { checkDrugApprovals, DrugApprovalFacts } from '../cross-agency';
import { Declaration, InspectionResult } from '../entities/declaration';
import { ReleaseDeclarationInput } from '../entities/inputs/declaration-transition-inputs';
import { ApplicationStatus } from '../entities/special-goods-application';
import { DeclarationStatus } from '../rules/clearance';
import { changeDeclaration, statusMove } from '../rules/declaration-change';
import { beijingDate, notBefore } from '../rules/input-checks';
import { declarationLifecycle } from '../state-machines';
import { CustomsWriteRepository, LockedDeclaration } from '../write-repository';

/** Drug categories whose import needs an approved special-goods (health quarantine) application. */
const SPECIAL_GOODS_DRUGS = new Set(['CELL_THERAPY', 'GENE_THERAPY']);

/** From INSPECTION_REQUIRED, only a PASSED inspection lets the goods go. */
function checkInspectionPassed(d: LockedDeclaration): void {
  if (
    d.status === DeclarationStatus.INSPECTION_REQUIRED &&
    d.inspectionResult !== InspectionResult.PASSED
  ) {
    throw invalidTransition(
      'Declaration',
      d.number,
      d.status,
      DeclarationStatus.RELEASED,
      `the required inspection has not passed (result ${d.inspectionResult ?? 'none'})`,
    );
  }
}

/**
 * Special goods: when the shipment is covered by a special-goods application, or a line names a
 * cell or gene therapy approval, an APPROVED application covering the shipment and valid on the
 * release day (Beijing time) is required.
 */
async function checkSpecialGoods(
  repo: CustomsWriteRepository,
  d: LockedDeclaration,
  approvals: Map<string, DrugApprovalFacts>,
  releasedAt: Date,
): Promise<void> {
  const applications = await repo.coveringApplications(d.awb);
  const therapy = [...approvals.values()].find((a) => SPECIAL_GOODS_DRUGS.has(a.category));
  if (applications.length === 0 && !therapy) return;
  const day = beijingDate(releasedAt);
  const valid = applications.find(
    (a) =>
      a.status === ApplicationStatus.APPROVED && (a.validUntil === null || a.validUntil >= day),
  );
  if (valid) return;
  const why = therapy
    ? `a line names ${therapy.category} approval ${therapy.number}`
    : `shipment ${d.awb} is covered by special-goods application ${applications.map((a) => a.number).join(', ')}`;
  const found = applications.length
    ? `; found ${applications.map((a) => `${a.number} ${a.status}${a.validUntil ? ` until ${a.validUntil}` : ''}`).join(', ')}`
    : '';
  throw ruleViolation(
    `declaration ${d.number} cannot be released on ${day}: ${why}, so an APPROVED special-goods application covering the shipment and valid that day is required${found}`,
    'input.number',
  );
}

@Resolver()
export class ReleaseMutationResolver {
  @Mutation(() => Declaration, {
    description:
      "Releases the goods of a declaration (ACCEPTED, UNDER_REVIEW, or INSPECTION_REQUIRED with the inspection PASSED → RELEASED) and updates the shipment's clearance summary. Every drug approval of its lines must be VALID (drugs agency, through the gateway); cell and gene therapy goods, and shipments covered by a special-goods application, need an APPROVED, unexpired special-goods application covering the shipment.",
  })
  @Directive(requiresWriteOf('customs'))
  releaseDeclaration(
    @Arg('input', () => ReleaseDeclarationInput, { description: 'Which declaration, and when.' })
    input: ReleaseDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<Declaration> {
    const releasedAt = input.releasedAt ?? new Date();
    return changeDeclaration(ctx, {
      operation: 'releaseDeclaration',
      input,
      possibleFrom: (d) => declarationLifecycle.can(d.status, DeclarationStatus.RELEASED),
      precheck: async (d) => {
        const items = await ctx.loaders.itemsByDeclaration.load(d.number);
        return checkDrugApprovals(
          ctx.gateway,
          items.flatMap((item) =>
            item.drugApproval
              ? [{ number: item.drugApproval.number, field: 'input.number', line: item.line }]
              : [],
          ),
        );
      },
      apply: async ({ repo, declaration, facts }) => {
        const move = statusMove(declaration, DeclarationStatus.RELEASED);
        checkInspectionPassed(declaration);
        notBefore(releasedAt, declaration.filedAt, 'input.releasedAt', 'releasedAt', 'the filing');
        if (declaration.inspectionCompletedAt) {
          notBefore(
            releasedAt,
            declaration.inspectionCompletedAt,
            'input.releasedAt',
            'releasedAt',
            'the inspection',
          );
        }
        await checkSpecialGoods(repo, declaration, facts ?? new Map(), releasedAt);
        return { patch: { status: DeclarationStatus.RELEASED, releasedAt }, history: [move] };
      },
    });
  }
}
