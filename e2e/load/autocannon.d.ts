declare module "autocannon" {
  type Histogram = { average: number; mean: number; p50: number; p99: number; max: number };
  type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; duration: number; "2xx": number };
  export default function autocannon(opts: { url: string; connections: number; duration: number; timeout?: number; headers?: Record<string, string> }): Promise<Result>;
}
