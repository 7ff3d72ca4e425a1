import { performance } from 'node:perf_hooks';

export interface EndpointCase {
  name: string;
  /** Under /api. */
  path: string;
  token: string;
  /** Throws when the answer is not what a working dashboard returns (a 200 with figures in it). */
  check?: (body: string) => void;
}

export interface EndpointTiming {
  name: string;
  path: string;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The very first request (cold: nothing of it cached yet in the server process). */
  firstMs: number;
  samples: number;
  bytes: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(base: string, c: EndpointCase): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/api${c.path}`, { headers: { authorization: `Bearer ${c.token}` } });
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`${c.name}: GET ${c.path} answered ${response.status}: ${body.toString().slice(0, 300)}`);
  c.check?.(body.toString('utf8'));
  return { ms, bytes: body.length };
}

/** `warmup` untimed requests, then `samples` sequential timed ones: time to the last byte of the body. */
export async function timeEndpoint(
  base: string,
  c: EndpointCase,
  warmup: number,
  samples: number,
): Promise<EndpointTiming> {
  const first = await timed(base, c);
  for (let i = 1; i < warmup; i++) await timed(base, c);
  const times: number[] = [];
  let bytes = first.bytes;
  for (let i = 0; i < samples; i++) {
    const { ms, bytes: size } = await timed(base, c);
    times.push(ms);
    bytes = size;
  }
  times.sort((a, b) => a - b);
  return {
    name: c.name,
    path: c.path,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1]),
    firstMs: round(first.ms),
    samples,
    bytes,
  };
}
