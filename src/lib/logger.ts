/**
 * Structured logging (pino) to stderr, so stdout stays free for `--json` results.
 *
 * Secrets are removed at the sink: known credential fields are redacted by path, and every secret
 * value handed to `createLogger` (tokens, the Jira e-mail, Basic-auth strings derived from them) is
 * replaced wherever it appears in the final line — in messages, error stacks and URLs alike.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  /** Values that must never appear in a log line. */
  secrets?: readonly string[];
  destination?: DestinationStream;
  name?: string;
}

const REDACT_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'apiToken',
  '*.apiToken',
  'password',
  '*.password',
];

/** Variants of each secret that could show up in text (Basic auth, URL-encoded). */
export function secretVariants(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  const clean = secrets.filter((s) => s.length >= 4);
  for (const s of clean) {
    out.add(s);
    out.add(encodeURIComponent(s));
  }
  // Basic auth of every pair, since Jira credentials travel as base64("email:token").
  for (const a of clean)
    for (const b of clean) if (a !== b) out.add(Buffer.from(`${a}:${b}`).toString('base64'));
  // Longest first so a secret containing another is replaced whole.
  return [...out].sort((x, y) => y.length - x.length);
}

export function makeSanitizer(secrets: readonly string[]): (text: string) => string {
  const variants = secretVariants(secrets);
  if (variants.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const v of variants) if (out.includes(v)) out = out.split(v).join('[redacted]');
    return out;
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const sanitize = makeSanitizer(options.secrets ?? []);
  return pino(
    {
      name: options.name ?? 'northstar',
      level: options.level ?? process.env['LOG_LEVEL'] ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: sanitize },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
