import { StateMachine } from '../kit';
import { InspectionResult } from './entities/declaration';
import { ApplicationStatus } from './entities/special-goods-application';
import { DeclarationStatus } from './rules/clearance';

const D = DeclarationStatus;
const A = ApplicationStatus;

/**
 * A declaration's lifecycle (domain brief §3, steps 5–9). RELEASED and REJECTED are final.
 * Rules beyond the graph are checked by the mutations: from INSPECTION_REQUIRED a release needs
 * the inspection result PASSED.
 */
export const declarationLifecycle = new StateMachine<DeclarationStatus>('Declaration', {
  [D.FILED]: [D.ACCEPTED, D.REJECTED],
  [D.ACCEPTED]: [D.UNDER_REVIEW, D.INSPECTION_REQUIRED, D.RELEASED, D.REJECTED],
  [D.UNDER_REVIEW]: [D.INSPECTION_REQUIRED, D.RELEASED, D.REJECTED],
  [D.INSPECTION_REQUIRED]: [D.RELEASED, D.REJECTED],
  [D.RELEASED]: [],
  [D.REJECTED]: [],
});

/** The inspection of a declaration: a result is recorded once, from PENDING. */
export const inspectionLifecycle = new StateMachine<InspectionResult>('Inspection', {
  [InspectionResult.PENDING]: [InspectionResult.PASSED, InspectionResult.FAILED],
  [InspectionResult.PASSED]: [],
  [InspectionResult.FAILED]: [],
});

/**
 * A special-goods (health quarantine) application. Customs may decide straight from SUBMITTED;
 * an approval lapses (EXPIRED) once its validity has run out.
 */
export const specialGoodsLifecycle = new StateMachine<ApplicationStatus>(
  'SpecialGoodsApplication',
  {
    [A.SUBMITTED]: [A.UNDER_REVIEW, A.APPROVED, A.REJECTED],
    [A.UNDER_REVIEW]: [A.APPROVED, A.REJECTED],
    [A.APPROVED]: [A.EXPIRED],
    [A.REJECTED]: [],
    [A.EXPIRED]: [],
  },
);
