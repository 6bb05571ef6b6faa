import type { Measurement } from './measure';

/** The figures of one target under one scenario: medians over the rounds. */
export interface Row {
  scenario: string;
  target: string;
  rounds: number;
  reqPerS: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  gatewayCpuMsPerReq?: number;
  subgraphDbCpuMsPerReq: number;
  /** The PostgreSQL backends' part of it. */
  dbCpuMsPerReq: number;
  gatewayPeakRssMiB?: number;
  /** Ratios to stock @apollo/gateway in the same run (absent when stock was not measured). */
  vsStock?: { reqPerS: number; gatewayCpu?: number; subgraphDbCpu: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianOf(
  ms: Measurement[],
  pick: (m: Measurement) => number | undefined,
): number | undefined {
  const values = ms.map(pick).filter((v): v is number => v !== undefined && !Number.isNaN(v));
  return values.length ? median(values) : undefined;
}

export function summarise(measurements: Measurement[]): Row[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = `${m.scenario}\u0000${m.target}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const rows: Row[] = [...groups.values()].map((ms) => ({
    scenario: ms[0].scenario,
    target: ms[0].target,
    rounds: ms.length,
    reqPerS: medianOf(ms, (m) => m.reqPerS)!,
    p50Ms: medianOf(ms, (m) => m.p50Ms)!,
    p99Ms: medianOf(ms, (m) => m.p99Ms)!,
    errors: ms.reduce((n, m) => n + m.errors, 0),
    gatewayCpuMsPerReq: medianOf(ms, (m) => m.gatewayCpuMsPerReq),
    subgraphDbCpuMsPerReq: medianOf(ms, (m) => m.subgraphDbCpuMsPerReq)!,
    dbCpuMsPerReq: medianOf(ms, (m) => m.dbCpuMsPerReq)!,
    gatewayPeakRssMiB: Math.max(...ms.map((m) => m.gatewayPeakRssMiB ?? 0)) || undefined,
  }));
  for (const row of rows) {
    const stock = rows.find((r) => r.scenario === row.scenario && r.target === 'stock');
    if (!stock) continue;
    row.vsStock = {
      reqPerS: row.reqPerS / stock.reqPerS,
      gatewayCpu:
        row.gatewayCpuMsPerReq !== undefined && stock.gatewayCpuMsPerReq
          ? row.gatewayCpuMsPerReq / stock.gatewayCpuMsPerReq
          : undefined,
      subgraphDbCpu: row.subgraphDbCpuMsPerReq / stock.subgraphDbCpuMsPerReq,
    };
  }
  return rows;
}

const fixed = (v: number | undefined, digits = 1) => (v === undefined ? '–' : v.toFixed(digits));

/** The rows as a markdown table, ratios to stock beside the figures. */
export function markdownTable(rows: Row[]): string {
  const lines = [
    '| scenario | target | req/s | ÷ stock | p50 ms | p99 ms | errors | gateway CPU ms/req | ÷ stock | subgraphs+DB CPU ms/req | of which DB | ÷ stock | gateway peak RSS MiB |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.target} | ${fixed(r.reqPerS)} | ${fixed(r.vsStock?.reqPerS, 2)} | ${fixed(r.p50Ms)} | ${fixed(r.p99Ms)} | ${r.errors} | ${fixed(r.gatewayCpuMsPerReq, 2)} | ${fixed(r.vsStock?.gatewayCpu, 2)} | ${fixed(r.subgraphDbCpuMsPerReq, 2)} | ${fixed(r.dbCpuMsPerReq, 2)} | ${fixed(r.vsStock?.subgraphDbCpu, 2)} | ${fixed(r.gatewayPeakRssMiB, 0)} |`,
    );
  }
  return lines.join('\n');
}
