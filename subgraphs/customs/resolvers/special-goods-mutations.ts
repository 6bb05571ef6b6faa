import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import {
  alreadyExists,
  AUTHENTICATED,
  badUserInput,
  invalidTransition,
  notFound,
  requiresWriteOf,
  reread,
  transition,
} from '../../kit';
import type { Context } from '../context';
import { checkConsolidatedImport } from '../cross-agency';
import {
  DecideSpecialGoodsApplicationInput,
  SubmitSpecialGoodsApplicationInput,
} from '../entities/inputs/special-goods-inputs';
import {
  ApplicationStatus,
  SpecialGoodsApplication,
  SpecialGoodsRisk,
} from '../entities/special-goods-application';
import { beijingDate, beijingYear, lastDayAfterMonths } from '../rules/input-checks';
import { requireRegistered } from '../rules/registered';
import { validApplication, validDecision } from '../rules/special-goods-input';
import { asApplyingAgent } from '../rules/write-access';
import { specialGoodsLifecycle } from '../state-machines';
import { CustomsWriteRepository } from '../write-repository';

const ENTITY = 'SpecialGoodsApplication';

/** How long an approval is valid, by risk level (domain brief §1, special goods). */
const VALID_MONTHS: Record<SpecialGoodsRisk, number> = { A: 3, B: 6, C: 12, D: 12 };

/** Customs assigns application numbers under Beijing Customs (0100): `SGA-0100-<year>-<serial>`. */
const NUMBER_PREFIX = 'SGA-0100-';

@Resolver()
export class SpecialGoodsMutationResolver {
  @Mutation(() => SpecialGoodsApplication, {
    description:
      "Submits an application for entry/exit health quarantine approval of special goods (history: null → SUBMITTED). A named consolidated import must exist and be the applicant's (drugs agency, through the gateway); it is linked, and its shipments known to customs are covered along with `shipments`. Needs `customs:write`, or the agent's own identity for an application of its consolidated import.",
  })
  @Directive(AUTHENTICATED)
  async submitSpecialGoodsApplication(
    @Arg('input', () => SubmitSpecialGoodsApplicationInput, { description: 'The application.' })
    input: SubmitSpecialGoodsApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<SpecialGoodsApplication> {
    const a = validApplication(input, new Date());
    const { consolidatedImportId } = a;
    const number = await ctx.mutations.run({
      operation: 'submitSpecialGoodsApplication',
      input,
      authorize: asApplyingAgent(a.applicantUscc, consolidatedImportId),
      check: async (): Promise<string[]> => {
        if (consolidatedImportId === null) return [];
        const ci = await checkConsolidatedImport(
          ctx.gateway,
          consolidatedImportId,
          a.applicantUscc,
        );
        return ci.shipments.map((s) => s.awb);
      },
      write: async (tx, importAwbs) => {
        const repo = new CustomsWriteRepository(tx);
        await requireRegistered(repo, [
          {
            table: 'enterprise',
            key: a.applicantUscc,
            field: 'input.applicant',
            what: 'enterprise',
          },
        ]);
        const missing = new Set(await repo.missing('shipment', a.awbs));
        const i = a.awbs.findIndex((awb) => missing.has(awb));
        if (i >= 0) {
          throw notFound(`no shipment ${a.awbs[i]} is manifested`, `input.shipments[${i}]`);
        }
        // The consolidated import's shipments that customs has a manifest for are covered too.
        const unknown = new Set(await repo.missing('shipment', importAwbs));
        const awbs = [...new Set([...a.awbs, ...importAwbs.filter((awb) => !unknown.has(awb))])];
        const assigned =
          a.number ??
          (await repo.nextApplicationNumber(`${NUMBER_PREFIX}${beijingYear(a.submittedAt)}-`));
        if (!(await repo.insertApplication({ ...a, number: assigned, awbs }))) {
          throw alreadyExists(ENTITY, assigned, 'input.number');
        }
        await tx.recordStatusChange({
          entityType: ENTITY,
          entityId: assigned,
          from: null,
          to: ApplicationStatus.SUBMITTED,
        });
        return assigned;
      },
    });
    return reread(ctx.loaders.applicationByNumber, number, ENTITY);
  }

  @Mutation(() => SpecialGoodsApplication, {
    description:
      'Decides a special-goods application: SUBMITTED → UNDER_REVIEW; SUBMITTED or UNDER_REVIEW → APPROVED (valid until `validUntil`, by default per risk level) or REJECTED (with a reason); APPROVED → EXPIRED once its validity has run out. REJECTED and EXPIRED are final.',
  })
  @Directive(requiresWriteOf('customs'))
  async decideSpecialGoodsApplication(
    @Arg('input', () => DecideSpecialGoodsApplicationInput, {
      description: 'Which application, and the decision.',
    })
    input: DecideSpecialGoodsApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<SpecialGoodsApplication> {
    const d = validDecision(input, new Date());
    await ctx.mutations.run({
      operation: 'decideSpecialGoodsApplication',
      input,
      write: async (tx) => {
        const repo = new CustomsWriteRepository(tx);
        await transition(tx, {
          entity: ENTITY,
          id: d.number,
          lock: () => repo.lockApplication(d.number),
          missing: { message: `no special-goods application ${d.number}`, field: 'input.number' },
          expectedVersion: d.expectedVersion,
          machine: specialGoodsLifecycle,
          to: d.decision,
          reason: d.reason,
          apply: async (app) => {
            const day = beijingDate(d.at);
            if (
              d.decision === ApplicationStatus.EXPIRED &&
              app.validUntil !== null &&
              app.validUntil >= day
            ) {
              throw invalidTransition(
                ENTITY,
                d.number,
                app.status,
                d.decision,
                `the approval is valid until ${app.validUntil}`,
              );
            }
            const decided =
              d.decision === ApplicationStatus.APPROVED ||
              d.decision === ApplicationStatus.REJECTED;
            if (decided && d.at.getTime() < app.submittedAt.getTime()) {
              throw badUserInput(
                `decidedAt (${d.at.toISOString()}) is before the submission (${app.submittedAt.toISOString()})`,
                'input.decidedAt',
              );
            }
            let validUntil: string | undefined;
            if (d.decision === ApplicationStatus.APPROVED) {
              validUntil = d.validUntil ?? lastDayAfterMonths(day, VALID_MONTHS[app.riskLevel]);
              if (validUntil < day) {
                throw badUserInput(
                  `validUntil (${validUntil}) is before the day of the decision (${day})`,
                  'input.validUntil',
                );
              }
            }
            await repo.updateApplication(d.number, {
              status: d.decision,
              decidedAt: decided ? d.at : undefined,
              validUntil,
            });
          },
        });
        return d.number;
      },
    });
    return reread(ctx.loaders.applicationByNumber, d.number, ENTITY);
  }
}
