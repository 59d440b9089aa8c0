import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/config/interpolate.js';

describe('interpolate', () => {
  it('replaces ${VAR} and ${VAR:-default}', () => {
    const env = { A: 'one', EMPTY: '' };
    expect(interpolate('x ${A} y', env).value).toBe('x one y');
    expect(interpolate('${B:-two}', env).value).toBe('two');
    expect(interpolate('${EMPTY:-fallback}', env).value).toBe('fallback');
    expect(interpolate('${A:-unused}', env).value).toBe('one');
    expect(interpolate('${B:-}', env).value).toBe('');
  });

  it('reports variables that are missing without a default', () => {
    const result = interpolate('${MISSING} and ${ALSO}', {});
    expect(result.missing.map((m) => m.name)).toEqual(['MISSING', 'ALSO']);
  });

  it('keeps $$ as a literal dollar and leaves other text alone', () => {
    expect(interpolate('cost $$5 and $HOME', { HOME: '/root' }).value).toBe('cost $5 and $HOME');
  });
});
