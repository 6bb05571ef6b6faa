/** One sample of a Prometheus text exposition: `name{label="value",…} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Every sample of a `/metrics` body (comments skipped). */
export function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
        labels[key] = value;
      }
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The samples named `name` whose labels include `labels`. */
export function find(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): Sample[] {
  return samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/** The one sample named `name` with `labels`; fails when there is none or several. */
export function value(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = find(samples, name, labels);
  if (found.length !== 1) {
    throw new Error(
      `${found.length} samples of ${name} ${JSON.stringify(labels)}; have: ${samples
        .filter((s) => s.name === name)
        .map((s) => JSON.stringify(s.labels))
        .join(' ')}`,
    );
  }
  return found[0].value;
}

/** GETs `/metrics` next to a `/graphql` URL. */
export async function scrape(graphqlUrl: string): Promise<Sample[]> {
  const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return samplesOf(await res.text());
}
