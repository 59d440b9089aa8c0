/** Request counts per endpoint, for tests and benchmarks ("requests / minRequests"). */
export interface EmulatorStats {
  total: number;
  /** By route name, e.g. `GET /rest/api/3/search/jql`. */
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  /** Answers with 304 Not Modified (conditional requests that matched). */
  notModified: number;
  /** Requests that changed data (POST/PUT/PATCH/DELETE answered 2xx). */
  writes: number;
  earlyRetries: number;
  faults: { serverError: number; drop: number; truncate: number; rateLimit: number };
}

export class StatsRecorder {
  total = 0;
  byRoute = new Map<string, number>();
  byStatus = new Map<number, number>();
  notModified = 0;
  writes = 0;

  record(route: string, method: string, status: number): void {
    this.total++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    if (status === 304) this.notModified++;
    if (method !== 'GET' && method !== 'HEAD' && status >= 200 && status < 300) this.writes++;
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.byStatus.clear();
    this.notModified = 0;
    this.writes = 0;
  }
}
