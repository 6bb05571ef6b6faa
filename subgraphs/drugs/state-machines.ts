import { StateMachine } from '../kit';
import { ConsolidatedImportStatus } from './entities/consolidated-import';
import { ApprovalStatus } from './entities/drug-approval';

/** The entity types under which status changes are recorded in `drugs.status_change`. */
export const APPROVAL_ENTITY = 'DrugApproval';
export const CONSOLIDATED_IMPORT_ENTITY = 'ConsolidatedImport';

const { VALID, SUSPENDED, EXPIRED, REVOKED } = ApprovalStatus;

/**
 * A drug approval is suspended and reinstated at will; from VALID or SUSPENDED it can expire or be
 * revoked, and EXPIRED and REVOKED are final (a lapsed approval is renewed as a new registration).
 */
export const approvalMachine = new StateMachine<ApprovalStatus>(APPROVAL_ENTITY, {
  [VALID]: [SUSPENDED, EXPIRED, REVOKED],
  [SUSPENDED]: [VALID, EXPIRED, REVOKED],
  [EXPIRED]: [],
  [REVOKED]: [],
});

const { COLLECTING, SUBMITTED, APPROVED, IN_TRANSIT, DELIVERED } = ConsolidatedImportStatus;

/**
 * An agent's consolidated import moves one way: needs are collected, submitted centrally for
 * special-goods quarantine approval, approved, shipped and delivered. Only the submission is a
 * mutation so far; the rest of the machine is here for the mutations that will follow.
 */
export const consolidatedImportMachine = new StateMachine<ConsolidatedImportStatus>(
  CONSOLIDATED_IMPORT_ENTITY,
  {
    [COLLECTING]: [SUBMITTED],
    [SUBMITTED]: [APPROVED],
    [APPROVED]: [IN_TRANSIT],
    [IN_TRANSIT]: [DELIVERED],
    [DELIVERED]: [],
  },
);
