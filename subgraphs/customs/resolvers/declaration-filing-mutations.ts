import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { alreadyExists, AUTHENTICATED, notFound, reread } from '../../kit';
import type { Context } from '../context';
import { checkDrugApprovals } from '../cross-agency';
import { Declaration, TradeDirection } from '../entities/declaration';
import { FileDeclarationInput } from '../entities/inputs/file-declaration-input';
import { DeclarationStatus } from '../rules/clearance';
import { validDeclaration } from '../rules/declaration-input';
import { beijingYear, notBefore } from '../rules/input-checks';
import { requireRegistered } from '../rules/registered';
import { asDeclarant } from '../rules/write-access';
import { CustomsWriteRepository } from '../write-repository';

@Resolver()
export class DeclarationFilingMutationResolver {
  @Mutation(() => Declaration, {
    description:
      "Files a customs declaration for a manifested shipment, with its goods lines and licences; it starts FILED (history: null → FILED) and the shipment's clearance summary follows. Every drug approval named by a line must be VALID (drugs agency, through the gateway). Without `number`, customs assigns the next serial of office, year and direction. Needs `customs:write`, or an enterprise's own identity as the declarant.",
  })
  @Directive(AUTHENTICATED)
  async fileDeclaration(
    @Arg('input', () => FileDeclarationInput, { description: 'The declaration.' })
    input: FileDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<Declaration> {
    const d = validDeclaration(input, new Date());
    const number = await ctx.mutations.run({
      operation: 'fileDeclaration',
      input,
      authorize: asDeclarant(d.declarantUscc),
      check: () =>
        checkDrugApprovals(
          ctx.gateway,
          d.items.flatMap((item, i) =>
            item.drugApprovalNumber === null
              ? []
              : [
                  {
                    number: item.drugApprovalNumber,
                    field: `input.items[${i}].drugApproval`,
                    line: item.line,
                  },
                ],
          ),
        ),
      write: async (tx) => {
        const repo = new CustomsWriteRepository(tx);
        const shipment = await repo.lockShipment(d.awb);
        if (!shipment) throw notFound(`no shipment ${d.awb} is manifested`, 'input.awb');
        notBefore(d.filedAt, shipment.manifestedAt, 'input.filedAt', 'filedAt', 'the manifest');
        await requireRegistered(repo, [
          {
            table: 'customs_office',
            key: d.customsOfficeCode,
            field: 'input.customsOffice',
            what: 'customs office',
          },
          {
            table: 'supervision_mode',
            key: d.supervisionModeCode,
            field: 'input.supervisionMode',
            what: 'supervision mode',
          },
          {
            table: 'enterprise',
            key: d.declarantUscc,
            field: 'input.declarant',
            what: 'enterprise',
          },
          {
            table: 'bonded_zone',
            key: d.bondedZoneCode,
            field: 'input.bondedZone',
            what: 'bonded zone',
          },
        ]);
        const assigned =
          d.number ??
          (await repo.nextDeclarationNumber(
            `${d.customsOfficeCode}${beijingYear(d.filedAt)}${d.direction === TradeDirection.IMPORT ? 1 : 0}`,
          ));
        if (!(await repo.insertDeclaration({ ...d, number: assigned }))) {
          throw alreadyExists('Declaration', assigned, 'input.number');
        }
        await tx.recordStatusChange({
          entityType: 'Declaration',
          entityId: assigned,
          from: null,
          to: DeclarationStatus.FILED,
        });
        await repo.syncClearance(d.awb);
        return assigned;
      },
    });
    ctx.loaders.shipmentByAwb.clear(d.awb);
    return reread(ctx.loaders.declarationByNumber, number, 'Declaration');
  }
}
