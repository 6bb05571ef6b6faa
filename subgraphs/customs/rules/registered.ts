import { notFound } from '../../kit';
import { CustomsWriteRepository, Reference } from '../write-repository';

/** A record that a mutation's input names in customs' reference data. */
export interface NamedReference {
  table: Reference;
  /** Null when the input left it out: nothing to check. */
  key: string | null;
  /** The input field that named it, for the error. */
  field: string;
  /** What it is, in the error (`enterprise`, `customs office`). */
  what: string;
}

/** Every named record exists; otherwise NOT_FOUND naming the first missing one's field. */
export async function requireRegistered(
  repo: CustomsWriteRepository,
  refs: readonly NamedReference[],
): Promise<void> {
  for (const ref of refs) {
    if (ref.key === null) continue;
    const [missing] = await repo.missing(ref.table, [ref.key]);
    if (missing !== undefined) throw notFound(`no ${ref.what} ${ref.key} is registered`, ref.field);
  }
}
