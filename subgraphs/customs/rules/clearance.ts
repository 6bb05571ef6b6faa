/**
 * The clearance rule: how a shipment's declarations sum up to one clearance status. Pure and free
 * of GraphQL, so that the demo-data generator, the future mutations and the subgraph all keep
 * `customs.shipment.clearance_status` / `released_at` in step with the declarations by the same rule.
 */

/** Where one customs declaration stands. */
export enum DeclarationStatus {
  FILED = 'FILED',
  ACCEPTED = 'ACCEPTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  INSPECTION_REQUIRED = 'INSPECTION_REQUIRED',
  RELEASED = 'RELEASED',
  REJECTED = 'REJECTED',
}

/** Where a shipment stands with customs, summed up across its declarations. */
export enum ClearanceStatus {
  NOT_DECLARED = 'NOT_DECLARED',
  IN_PROGRESS = 'IN_PROGRESS',
  INSPECTION = 'INSPECTION',
  RELEASED = 'RELEASED',
  REJECTED = 'REJECTED',
}

/** What the rule needs to know about each declaration. */
export interface DeclarationState {
  status: DeclarationStatus | `${DeclarationStatus}`;
  releasedAt: Date | null;
}

export interface ClearanceSummary {
  status: ClearanceStatus;
  /** Latest release among the released declarations when the shipment is RELEASED, else null. */
  releasedAt: Date | null;
}

/**
 * - no declarations → NOT_DECLARED;
 * - any declaration INSPECTION_REQUIRED → INSPECTION;
 * - every non-rejected declaration RELEASED, and at least one is → RELEASED (released at the
 *   latest of their release times);
 * - every declaration REJECTED → REJECTED;
 * - otherwise → IN_PROGRESS.
 */
export function summariseClearance(declarations: readonly DeclarationState[]): ClearanceSummary {
  if (declarations.length === 0) return { status: ClearanceStatus.NOT_DECLARED, releasedAt: null };
  if (declarations.some((d) => d.status === DeclarationStatus.INSPECTION_REQUIRED)) {
    return { status: ClearanceStatus.INSPECTION, releasedAt: null };
  }
  const live = declarations.filter((d) => d.status !== DeclarationStatus.REJECTED);
  if (live.length === 0) return { status: ClearanceStatus.REJECTED, releasedAt: null };
  if (live.every((d) => d.status === DeclarationStatus.RELEASED)) {
    let releasedAt: Date | null = null;
    for (const d of live) {
      if (d.releasedAt && (!releasedAt || d.releasedAt.getTime() > releasedAt.getTime())) {
        releasedAt = d.releasedAt;
      }
    }
    return { status: ClearanceStatus.RELEASED, releasedAt };
  }
  return { status: ClearanceStatus.IN_PROGRESS, releasedAt: null };
}
