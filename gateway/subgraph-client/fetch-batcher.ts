/**
 * Gathers the fetches sent one subgraph in the same turn of the event loop (the fetches of one step
 * of a query plan start together, and so do those of operations whose steps end together) into
 * batches: `send` gets each batch at once, at most `maxBatch` fetches, and settles each fetch with
 * its own answer. Only fetches added under the same key may share a batch (the caller's key says
 * which may: for the gateway, the same identity, see SubgraphDataSource), and `split` may part
 * those further, each part a batch (or more) of its own, failing or answering on its own.
 */
export class FetchBatcher<Fetch, Answer> {
  private readonly pending = new Map<string, Pending<Fetch, Answer>[]>();

  constructor(
    private readonly send: (fetches: Fetch[]) => Promise<Answer[]>,
    private readonly maxBatch: number,
    private readonly split: (fetches: Fetch[]) => number[][] = (fetches) => [
      fetches.map((_, i) => i),
    ],
  ) {}

  add(key: string, fetch: Fetch): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      let group = this.pending.get(key);
      if (!group) {
        const gathered: Pending<Fetch, Answer>[] = (group = []);
        this.pending.set(key, gathered);
        // After every fetch started in this turn, whatever promise hops led each one here.
        setImmediate(() => {
          this.pending.delete(key);
          for (const part of this.split(gathered.map((p) => p.fetch))) {
            const members = part.map((i) => gathered[i]);
            for (let i = 0; i < members.length; i += this.maxBatch) {
              this.flush(members.slice(i, i + this.maxBatch));
            }
          }
        });
      }
      group.push({ fetch, resolve, reject });
    });
  }

  private flush(group: Pending<Fetch, Answer>[]): void {
    this.send(group.map((p) => p.fetch)).then(
      (answers) => group.forEach((p, i) => p.resolve(answers[i])),
      (error: unknown) => group.forEach((p) => p.reject(error)),
    );
  }
}

interface Pending<Fetch, Answer> {
  fetch: Fetch;
  resolve(answer: Answer): void;
  reject(error: unknown): void;
}
