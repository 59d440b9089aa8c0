/** The rollup's knobs, from config `rollup:` (plus the Jira site for risk links). */
export interface RollupSettings {
  staleAfterDays: number;
  reviewWaitDays: number;
  historyWeeks: number;
  trials: number;
  seed: number;
  /** Programs' and bets' health: the worst child's, or from their own forecast. */
  aggregateHealth: 'worst' | 'forecast';
  /** Jira site for `<site>/browse/KEY` links in risks (null: no Jira). */
  jiraSite: string | null;
}
