export { EmulatorClock } from './clock.js';
export { FaultInjector, FaultPlanSchema, type FaultPlan, type FaultDecision } from './faults.js';
export { HttpError, json, type EmuRequest, type EmuResponse, type Handler } from './http.js';
export { RateLimitTracker } from './rate-limits.js';
export { Rng, hashSeed } from './rng.js';
export { Router, type RouteMatch } from './router.js';
export {
  startEmulatorServer,
  type EmulatorServer,
  type EmulatorServerOptions,
  type ObservedExchange,
} from './server.js';
export type { EmulatorStats } from './stats.js';
