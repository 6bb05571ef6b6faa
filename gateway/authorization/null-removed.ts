import { GraphQLOutputType, isListType, isNonNullType } from 'graphql';
import type { RemovedSelection, ResponseStep } from './filter-operation';

type ResponseObject = Record<string, unknown>;

/**
 * Answers each removed field as null in the response, as Apollo Router does: the client gets the
 * shape it asked for, and a removed non-null field nulls its parent, up to the nearest nullable
 * field (or `data` itself), exactly as if the field had resolved to null. Mutates `data`;
 * returns the data to send (null when the propagation reached the root).
 */
export function nullRemovedFields(
  data: ResponseObject | null | undefined,
  removed: readonly RemovedSelection[],
): ResponseObject | null | undefined {
  if (!data) return data;
  for (const { responsePath } of removed) {
    if (responsePath && responsePath.length > 0 && nullAt(data, responsePath, 0)) return null;
  }
  return data;
}

/** Nulls the path below `container`; true when `container` itself must become null. */
function nullAt(container: ResponseObject, steps: readonly ResponseStep[], index: number): boolean {
  const { key, type } = steps[index];
  if (index === steps.length - 1) {
    // Present means a selection that was kept answers this key: leave it.
    if (key in container) return false;
    container[key] = null;
    return isNonNullType(type);
  }
  const value = container[key];
  if (value === null || value === undefined) return false;
  if (!nullWithin(value, type, steps, index + 1)) return false;
  container[key] = null;
  return isNonNullType(type);
}

/** Walks a field's value (lists included); true when the value must become null. */
function nullWithin(
  value: unknown,
  type: GraphQLOutputType,
  steps: readonly ResponseStep[],
  index: number,
): boolean {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (!isListType(nullable)) return nullAt(value as ResponseObject, steps, index);
  const items = value as unknown[];
  const itemType = nullable.ofType as GraphQLOutputType;
  let bubbles = false;
  items.forEach((item, i) => {
    if (item === null || item === undefined || !nullWithin(item, itemType, steps, index)) return;
    items[i] = null;
    if (isNonNullType(itemType)) bubbles = true;
  });
  return bubbles;
}
