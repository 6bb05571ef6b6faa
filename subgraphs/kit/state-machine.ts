import { invalidTransition } from './errors';

/**
 * A record's lifecycle as data: which statuses may follow which. Mutations ask it before they
 * write, so an illegal move is refused with INVALID_STATE_TRANSITION naming both states.
 */
export class StateMachine<S extends string> {
  constructor(
    readonly entity: string,
    private readonly transitions: Record<S, readonly S[]>,
  ) {}

  can(from: S, to: S): boolean {
    return this.transitions[from]?.includes(to) ?? false;
  }

  /** Throws unless `from → to` is allowed; `why` explains a refusal that a rule (not the graph) makes. */
  assert(id: string, from: S, to: S): void {
    if (!this.can(from, to)) {
      const allowed = this.transitions[from] ?? [];
      throw invalidTransition(
        this.entity,
        id,
        from,
        to,
        allowed.length ? `from ${from} it can go to ${allowed.join(', ')}` : `${from} is final`,
      );
    }
  }
}
