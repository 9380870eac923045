/**
 * One HTTP load row: autocannon from this process against the server process
 * (on 127.0.0.1), for a fixed duration; it stops by itself.
 */
import autocannon from "autocannon";

export interface LoadRow {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses by status class, e.g. { "2xx": 51234 }. */
  statuses: Record<string, number>;
  errors: number;
  /** Bytes on the wire per response (headers and compressed body). */
  bytesPerResponse: number;
  /** CPU milliseconds the server process spent per request, when measured (null: not measured). */
  serverCpuMsPerRequest?: number | null;
}

export async function loadRow(
  name: string,
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadRow> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    // What a browser or a CDN sends: compressed bodies where the server offers them.
    headers: { "accept-encoding": "gzip", ...options.headers },
  });
  const statuses: Record<string, number> = {};
  for (const key of ["1xx", "2xx", "3xx", "4xx", "5xx"] as const) {
    if (result[key] > 0) statuses[key] = result[key];
  }
  const responses = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    statuses,
    errors: result.errors + result.timeouts,
    bytesPerResponse: responses > 0 ? Math.round(result.throughput.total / responses) : 0,
  };
}
