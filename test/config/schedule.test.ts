/**
 * `schedule:` — no section means the three defaults; a section lists exactly the schedules
 * wanted, so an entry deleted from the config is no longer scheduled (the worker then removes
 * its scheduler: test/queue/runtime.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';

const BETS = `
bets:
  - id: b
    name: B
    programs:
      - id: p
        name: P
        projects:
          - id: x
            name: X
            github:
              repos: [acme/x]
`;
const GITHUB = `github:\n  token: t\n`;

function scheduleOf(yaml: string): Record<string, string | undefined> {
  return parseConfigText(`${GITHUB}${yaml}${BETS}`, { file: 'northstar.yaml', env: {} }).config
    .schedule;
}

describe('schedule', () => {
  it('without a schedule section, sync, writeback and report run on the defaults', () => {
    expect(scheduleOf('')).toEqual({
      sync: '*/15 * * * *',
      writeback: '0 * * * *',
      report: '0 8 * * MON',
    });
  });

  it('a schedule section lists exactly what is scheduled', () => {
    expect(scheduleOf(`schedule:\n  sync: '*/5 * * * *'\n`)).toEqual({ sync: '*/5 * * * *' });
    expect(scheduleOf('schedule: {}\n')).toEqual({});
  });
});
