import type { Request, Response } from 'express';
import { currentRequestId, requestIdScope } from '../../subgraphs/kit/request-id';

/** The request id a subgraph's log lines carry, for a request with this `x-request-id`. */
function scopedId(header: string | undefined): Promise<string | undefined> {
  const req = { get: (name: string) => (name === 'x-request-id' ? header : undefined) };
  return new Promise((resolve) =>
    requestIdScope()(req as Request, {} as Response, () => resolve(currentRequestId())),
  );
}

describe("a subgraph's request id", () => {
  it("is the gateway's id, or the ids of every request a batch serves", async () => {
    expect(await scopedId('5f0c-41aa')).toBe('5f0c-41aa');
    expect(await scopedId('req-1 req-2 req-3')).toBe('req-1 req-2 req-3');
  });

  it('is none for a header that could forge or bloat log lines', async () => {
    expect(await scopedId(undefined)).toBeUndefined();
    expect(await scopedId('a\nlevel=error forged')).toBeUndefined();
    expect(await scopedId('a  b')).toBeUndefined();
    expect(await scopedId('x'.repeat(129))).toBeUndefined();
    expect(await scopedId(Array.from({ length: 33 }, (_, i) => `r${i}`).join(' '))).toBeUndefined();
  });
});
