/** One answer of a load loop, with when it came back (ms since the epoch). */
export interface Answered<T> {
  at: number;
  value?: T;
  /** The request itself failed (no HTTP answer from the gateway). */
  failure?: Error;
}

export interface Load<T> {
  answers: Answered<T>[];
  /** Resolves once an answer after this call satisfies `check`; fails after `maxAnswers` more. */
  until(what: string, check: (value: T) => boolean, maxAnswers?: number): Promise<Answered<T>>;
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<Answered<T>[]>;
}

/**
 * `clients` loops each sending `send()` again as soon as it is answered: continuous traffic while
 * a test breaks and mends things. Every answer is kept, failures included.
 */
export function underLoad<T>(send: () => Promise<T>, clients = 4): Load<T> {
  const answers: Answered<T>[] = [];
  let running = true;
  const waiters: (() => void)[] = [];
  const record = (answer: Answered<T>) => {
    answers.push(answer);
    for (const w of waiters.splice(0)) w();
  };
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      try {
        const value = await send();
        record({ at: Date.now(), value });
      } catch (err) {
        record({ at: Date.now(), failure: err as Error });
      }
    }
  });
  return {
    answers,
    async until(what, check, maxAnswers = 5000) {
      const from = answers.length;
      for (let seen = from; ; ) {
        while (seen < answers.length) {
          const answer = answers[seen++];
          if (answer.value !== undefined && check(answer.value)) return answer;
          if (seen - from > maxAnswers) throw new Error(`no answer ${what} in ${maxAnswers}`);
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}
