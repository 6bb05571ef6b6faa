import {
  ClearanceStatus,
  DeclarationStatus,
  summariseClearance,
} from '../../subgraphs/customs/rules/clearance';
import { allDeclarations, allShipments } from './fixtures';

const at = (iso: string) => new Date(iso);
const d = (status: `${DeclarationStatus}`, releasedAt: string | null = null) => ({
  status,
  releasedAt: releasedAt === null ? null : at(releasedAt),
});

describe('summariseClearance', () => {
  it('is NOT_DECLARED without declarations', () => {
    expect(summariseClearance([])).toEqual({ status: 'NOT_DECLARED', releasedAt: null });
  });

  it('is INSPECTION when any declaration requires inspection, whatever the others', () => {
    expect(
      summariseClearance([
        d('RELEASED', '2025-01-01T00:00:00Z'),
        d('INSPECTION_REQUIRED'),
        d('REJECTED'),
      ]),
    ).toEqual({ status: ClearanceStatus.INSPECTION, releasedAt: null });
  });

  it('is RELEASED, at the latest release, when every non-rejected declaration is released', () => {
    expect(
      summariseClearance([
        d('RELEASED', '2025-01-02T10:00:00Z'),
        d('REJECTED'),
        d('RELEASED', '2025-01-03T04:30:00Z'),
        d('RELEASED', '2025-01-01T00:00:00Z'),
      ]),
    ).toEqual({ status: 'RELEASED', releasedAt: at('2025-01-03T04:30:00Z') });
    expect(summariseClearance([d('RELEASED', '2025-01-02T10:00:00Z')]).status).toBe('RELEASED');
  });

  it('is REJECTED only when every declaration is rejected', () => {
    expect(summariseClearance([d('REJECTED'), d('REJECTED')])).toEqual({
      status: 'REJECTED',
      releasedAt: null,
    });
  });

  it.each<[`${DeclarationStatus}`[]]>([
    [['FILED']],
    [['ACCEPTED', 'RELEASED']],
    [['UNDER_REVIEW', 'REJECTED']],
    [['RELEASED', 'FILED', 'REJECTED']],
  ])('is IN_PROGRESS for %j', (statuses) => {
    const result = summariseClearance(
      statuses.map((s) => d(s, s === 'RELEASED' ? '2025-01-01T00:00:00Z' : null)),
    );
    expect(result).toEqual({ status: 'IN_PROGRESS', releasedAt: null });
  });

  it('agrees with the stored summary of every fixture shipment', () => {
    for (const s of allShipments) {
      const mine = allDeclarations
        .filter((x) => x.awb === s.awb)
        .map((x) => d(x.status as `${DeclarationStatus}`, x.releasedAt));
      const summary = summariseClearance(mine);
      expect([s.awb, summary.status, summary.releasedAt?.toISOString() ?? null]).toEqual([
        s.awb,
        s.clearanceStatus,
        s.releasedAt === null ? null : new Date(s.releasedAt).toISOString(),
      ]);
    }
  });
});
