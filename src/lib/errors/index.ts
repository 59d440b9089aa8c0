export { SourceError, type SourceName } from './source-error.js';
export { RateLimitedError } from './rate-limited-error.js';
export { AuthError } from './auth-error.js';
export { PermissionError } from './permission-error.js';
export { NotFoundError } from './not-found-error.js';
export { TransientError } from './transient-error.js';
export { InvalidPayloadError } from './invalid-payload-error.js';
export { RequestRejectedError } from './request-rejected-error.js';
