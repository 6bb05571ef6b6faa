import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { requiresWriteOf } from '../../kit';
import type { Context } from '../context';
import { Declaration } from '../entities/declaration';
import {
  AcceptDeclarationInput,
  RejectDeclarationInput,
  ReviewDeclarationInput,
} from '../entities/inputs/declaration-transition-inputs';
import { DeclarationStatus } from '../rules/clearance';
import { changeDeclaration, statusMove } from '../rules/declaration-change';
import { text } from '../rules/input-checks';

@Resolver()
export class DeclarationDecisionMutationResolver {
  @Mutation(() => Declaration, {
    description: 'Accepts a FILED declaration (FILED → ACCEPTED).',
  })
  @Directive(requiresWriteOf('customs'))
  acceptDeclaration(
    @Arg('input', () => AcceptDeclarationInput, { description: 'Which declaration.' })
    input: AcceptDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<Declaration> {
    return changeDeclaration(ctx, {
      operation: 'acceptDeclaration',
      input,
      apply: ({ declaration }) => ({
        patch: { status: DeclarationStatus.ACCEPTED },
        history: [statusMove(declaration, DeclarationStatus.ACCEPTED)],
      }),
    });
  }

  @Mutation(() => Declaration, {
    description:
      'Puts an ACCEPTED declaration under document review and risk screening (ACCEPTED → UNDER_REVIEW).',
  })
  @Directive(requiresWriteOf('customs'))
  reviewDeclaration(
    @Arg('input', () => ReviewDeclarationInput, { description: 'Which declaration.' })
    input: ReviewDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<Declaration> {
    return changeDeclaration(ctx, {
      operation: 'reviewDeclaration',
      input,
      apply: ({ declaration }) => ({
        patch: { status: DeclarationStatus.UNDER_REVIEW },
        history: [statusMove(declaration, DeclarationStatus.UNDER_REVIEW)],
      }),
    });
  }

  @Mutation(() => Declaration, {
    description:
      "Rejects a declaration that is not yet final, with the reason (kept as `rejectionReason` and in history); the shipment's clearance summary follows.",
  })
  @Directive(requiresWriteOf('customs'))
  rejectDeclaration(
    @Arg('input', () => RejectDeclarationInput, { description: 'Which declaration, and why.' })
    input: RejectDeclarationInput,
    @Ctx() ctx: Context,
  ): Promise<Declaration> {
    const reason = text(input.reason, 'input.reason', 1000);
    return changeDeclaration(ctx, {
      operation: 'rejectDeclaration',
      input,
      apply: ({ declaration }) => ({
        patch: { status: DeclarationStatus.REJECTED, rejectionReason: reason },
        history: [statusMove(declaration, DeclarationStatus.REJECTED, reason)],
      }),
    });
  }
}
