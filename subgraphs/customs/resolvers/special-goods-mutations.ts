import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badUserInput, invalidTransition, notFound, recordStatusChange } from '../../kit';
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
import { beijingDate, beijingYear, lastDayAfterMonths } from '../input-validation/checks';
import { validApplication, validDecision } from '../input-validation/special-goods';
import {
  AGENCY,
  alreadyExists,
  checkVersion,
  customsMutation,
  isReplay,
  requireReferences,
} from '../mutation-support';
import { specialGoodsLifecycle } from '../state-machines';

const ENTITY = 'SpecialGoodsApplication';

/** How long an approval is valid, by risk level (domain brief §1, special goods). */
const VALID_MONTHS: Record<SpecialGoodsRisk, number> = { A: 3, B: 6, C: 12, D: 12 };

/** Customs assigns application numbers under Beijing Customs (0100): `SGA-0100-<year>-<serial>`. */
const NUMBER_PREFIX = 'SGA-0100-';

async function reload(ctx: Context, number: string): Promise<SpecialGoodsApplication> {
  ctx.loaders.applicationByNumber.clear(number);
  const application = await ctx.loaders.applicationByNumber.load(number);
  if (!application) throw new Error(`special-goods application ${number} vanished`);
  return application;
}

@Resolver()
export class SpecialGoodsMutationResolver {
  @Mutation(() => SpecialGoodsApplication, {
    description:
      "Submits an application for entry/exit health quarantine approval of special goods (history: null → SUBMITTED). A named consolidated import must exist and be the applicant's (drugs agency, through the gateway); it is linked, and its shipments known to customs are covered along with `shipments`.",
  })
  async submitSpecialGoodsApplication(
    @Arg('input', () => SubmitSpecialGoodsApplicationInput, { description: 'The application.' })
    input: SubmitSpecialGoodsApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<SpecialGoodsApplication> {
    const operation = 'submitSpecialGoodsApplication';
    const a = validApplication(input, new Date());
    let importAwbs: string[] = [];
    if (
      a.consolidatedImportId !== null &&
      !(await isReplay(ctx, operation, input.idempotencyKey))
    ) {
      const ci = await checkConsolidatedImport(
        ctx.services.gateway,
        a.consolidatedImportId,
        a.applicantUscc,
      );
      importAwbs = ci.shipments.map((s) => s.awb);
    }
    const number = await customsMutation(ctx, operation, input, async (repo, tx) => {
      await requireReferences(repo, [
        {
          table: 'enterprise',
          key: a.applicantUscc,
          field: 'input.applicant',
          what: 'enterprise',
        },
      ]);
      const missing = new Set(await repo.missing('shipment', a.awbs));
      const i = a.awbs.findIndex((awb) => missing.has(awb));
      if (i >= 0) throw notFound(`no shipment ${a.awbs[i]} is manifested`, `input.shipments[${i}]`);
      // The consolidated import's shipments that customs has a manifest for are covered too.
      const unknown = new Set(await repo.missing('shipment', importAwbs));
      const awbs = [...new Set([...a.awbs, ...importAwbs.filter((awb) => !unknown.has(awb))])];
      const assigned =
        a.number ??
        (await repo.nextApplicationNumber(`${NUMBER_PREFIX}${beijingYear(a.submittedAt)}-`));
      if (!(await repo.insertApplication({ ...a, number: assigned, awbs }))) {
        throw alreadyExists(ENTITY, assigned, 'input.number');
      }
      await recordStatusChange(tx, AGENCY, {
        entityType: ENTITY,
        entityId: assigned,
        from: null,
        to: ApplicationStatus.SUBMITTED,
        actor: ctx.actor,
      });
      return assigned;
    });
    return reload(ctx, number);
  }

  @Mutation(() => SpecialGoodsApplication, {
    description:
      'Decides a special-goods application: SUBMITTED → UNDER_REVIEW; SUBMITTED or UNDER_REVIEW → APPROVED (valid until `validUntil`, by default per risk level) or REJECTED (with a reason); APPROVED → EXPIRED once its validity has run out. REJECTED and EXPIRED are final.',
  })
  async decideSpecialGoodsApplication(
    @Arg('input', () => DecideSpecialGoodsApplicationInput, {
      description: 'Which application, and the decision.',
    })
    input: DecideSpecialGoodsApplicationInput,
    @Ctx() ctx: Context,
  ): Promise<SpecialGoodsApplication> {
    const d = validDecision(input, new Date());
    const number = await customsMutation(
      ctx,
      'decideSpecialGoodsApplication',
      input,
      async (repo, tx) => {
        const app = await repo.lockApplication(d.number);
        if (!app) throw notFound(`no special-goods application ${d.number}`, 'input.number');
        checkVersion(ENTITY, d.number, d.expectedVersion, app.version);
        specialGoodsLifecycle.assert(d.number, app.status, d.decision);
        const day = beijingDate(d.at);
        let validUntil: string | undefined;
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
        if (
          d.decision === ApplicationStatus.APPROVED ||
          d.decision === ApplicationStatus.REJECTED
        ) {
          if (d.at.getTime() < app.submittedAt.getTime()) {
            throw badUserInput(
              `decidedAt (${d.at.toISOString()}) is before the submission (${app.submittedAt.toISOString()})`,
              'input.decidedAt',
            );
          }
        }
        if (d.decision === ApplicationStatus.APPROVED) {
          validUntil = d.validUntil ?? lastDayAfterMonths(day, VALID_MONTHS[app.riskLevel]);
          if (validUntil < day) {
            throw badUserInput(
              `validUntil (${validUntil}) is before the day of the decision (${day})`,
              'input.validUntil',
            );
          }
        }
        const decided =
          d.decision === ApplicationStatus.APPROVED || d.decision === ApplicationStatus.REJECTED;
        await repo.updateApplication(d.number, {
          status: d.decision,
          decidedAt: decided ? d.at : undefined,
          validUntil,
        });
        await recordStatusChange(tx, AGENCY, {
          entityType: ENTITY,
          entityId: d.number,
          from: app.status,
          to: d.decision,
          actor: ctx.actor,
          reason: d.reason,
        });
        return d.number;
      },
    );
    return reload(ctx, number);
  }
}
