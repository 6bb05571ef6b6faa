/**
 * Gathers the fetches an operation sends one subgraph in the same turn of the event loop (the
 * fetches of one step of its query plan start together) into one batch: `send` gets them all at
 * once, at most `maxBatch` to a batch, and settles each with its own answer. Fetches of different
 * operations (keys) never share a batch, so neither do two identities.
 */
export class FetchBatcher<Key extends object, Fetch, Answer> {
  private readonly pending = new WeakMap<Key, Pending<Fetch, Answer>[]>();

  constructor(
    private readonly send: (key: Key, fetches: Fetch[]) => Promise<Answer[]>,
    private readonly maxBatch: number,
  ) {}

  add(key: Key, fetch: Fetch): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      let group = this.pending.get(key);
      if (!group) {
        const gathered: Pending<Fetch, Answer>[] = (group = []);
        this.pending.set(key, gathered);
        // After every fetch started in this turn, whatever promise hops led each one here.
        setImmediate(() => {
          this.pending.delete(key);
          for (let i = 0; i < gathered.length; i += this.maxBatch) {
            this.flush(key, gathered.slice(i, i + this.maxBatch));
          }
        });
      }
      group.push({ fetch, resolve, reject });
    });
  }

  private flush(key: Key, group: Pending<Fetch, Answer>[]): void {
    this.send(
      key,
      group.map((p) => p.fetch),
    ).then(
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
