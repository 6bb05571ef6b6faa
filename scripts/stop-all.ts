/**
 * Runs every step of a teardown, in order, even when one of them fails, then reports the
 * failures together: a server that will not stop must not leave the next one listening, nor a
 * pool open, nor a database behind.
 */
export async function stopAll(steps: readonly (() => unknown)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    const messages = failures.map((e) => (e instanceof Error ? e.message : String(e)));
    throw new AggregateError(
      failures,
      `${failures.length} teardown steps failed: ${messages.join('; ')}`,
    );
  }
}
