import { requestIdHeaders, requestIdOf } from '../../subgraphs/kit/request-id';

/** The request id a subgraph's log lines carry, for a request with this `x-request-id`. */
const idOf = (header: string | undefined) =>
  requestIdOf({ get: (name: string) => (name === 'x-request-id' ? header : undefined) });

describe("a subgraph's request id", () => {
  it("is the gateway's id, or the ids of every request a batch serves", () => {
    expect(idOf('5f0c-41aa')).toBe('5f0c-41aa');
    expect(idOf('req-1 req-2 req-3')).toBe('req-1 req-2 req-3');
  });

  it('is none for a header that could forge or bloat log lines', () => {
    expect(idOf(undefined)).toBeUndefined();
    expect(idOf('a\nlevel=error forged')).toBeUndefined();
    expect(idOf('a  b')).toBeUndefined();
    expect(idOf('x'.repeat(129))).toBeUndefined();
    expect(idOf(Array.from({ length: 33 }, (_, i) => `r${i}`).join(' '))).toBeUndefined();
    expect(requestIdOf(undefined)).toBeUndefined();
  });

  it('goes on to the calls made for the request, and nothing goes without one', () => {
    expect(requestIdHeaders('5f0c-41aa')).toEqual({ 'x-request-id': '5f0c-41aa' });
    expect(requestIdHeaders(undefined)).toEqual({});
  });
});
