import type { Services } from '../services.js';
import type { Store } from '../store/index.js';
import { addTarget, removeTarget, targetLabel, type CollectTarget } from './collect-targets.js';
import type { CollectOutcome } from './collector.js';

/** What `trendlens collect …` prints: the JSON form and the words. */
export interface CollectCliOutput {
  value: unknown;
  text: string;
  /** Non-zero when a run left a chart uncollected or a change was refused. */
  exitCode: number;
}

const BAR_WIDTH = 24;

/** `[#########---------------] 3/8 hashtag:US:7 collected (100)`, redrawn in place on a terminal. */
export function progressLine(done: number, total: number, outcome: CollectOutcome): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const what = outcome.status === 'collected' ? `collected (${outcome.entries ?? 0})` : `failed: ${outcome.error ?? ''}`;
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${targetLabel(outcome.target)} ${what}`;
}

/** A change refused by the state of things: exit code 1 (README.md § CLI), nothing changed. */
function refused(value: unknown, text: string): CollectCliOutput {
  return { value, text, exitCode: 1 };
}

/**
 * `collect add <target>` and `collect remove <target>`: the database alone, refusing as the Console
 * does (exit code 1) a target collected already, or one of the `COLLECT` setting (`configured`), which
 * is changed there, and a removal of a target that is not stored.
 */
export async function changeTargets(
  store: Store,
  configured: readonly CollectTarget[],
  action: 'add' | 'remove',
  target: CollectTarget,
  now: number,
): Promise<CollectCliOutput> {
  const label = targetLabel(target);
  const inSetting = configured.some((t) => t.key.key === target.key.key);
  if (action === 'add') {
    if (inSetting) return refused({ added: null }, `${label} is collected by the COLLECT setting.`);
    if (!(await addTarget(store.db, target, now))) return refused({ added: null }, `${label} is collected already.`);
    return { value: { added: label, chart_key: target.key.key }, text: `Collecting ${label} once a day (chart ${target.key.key}).`, exitCode: 0 };
  }
  if (inSetting) return refused({ removed: null }, `${label} comes from the COLLECT setting; remove it there.`);
  if (!(await removeTarget(store.db, target))) {
    return refused({ removed: null }, `${label} is not a stored target (targets of the COLLECT setting are removed there)`);
  }
  return { value: { removed: label }, text: `No longer collecting ${label}.`, exitCode: 0 };
}

/** `collect list`: every target, where it comes from, its last collected day and today's state. */
export async function listTargets(services: Pick<Services, 'history'>): Promise<CollectCliOutput> {
  const state = await services.history.collector.state();
  const rows = state.map((s) => ({ target: targetLabel(s.target), origin: s.target.origin, chart_key: s.target.key.key, last_collected: s.lastCollected, today: s.today }));
  const text =
    rows.length === 0
      ? 'No charts are collected. Add one with `trendlens collect add hashtag:US:7` or the COLLECT setting.'
      : rows.map((r) => `${r.target.padEnd(16)} ${r.origin.padEnd(8)} last ${r.last_collected ?? 'never'}  today ${r.today}`).join('\n');
  return { value: { targets: rows }, text, exitCode: 0 };
}

/** `collect run`: every target once now, with a progress bar on a terminal. */
export async function runTargets(services: Pick<Services, 'history'>, stream: NodeJS.WritableStream & { isTTY?: boolean }, json: boolean): Promise<CollectCliOutput> {
  const tty = stream.isTTY === true && !json;
  const outcomes = await services.history.collector.runAll({
    onProgress(done, total, outcome) {
      if (tty) stream.write(`\r\x1b[2K${progressLine(done, total, outcome)}${done === total ? '\n' : ''}`);
    },
  });
  await services.history.flush();
  if (outcomes === null) return { value: { ran: false }, text: 'Another instance is collecting right now; nothing was done.', exitCode: 1 };
  const failed = outcomes.filter((o) => o.status === 'failed');
  const value = { ran: true, collected: outcomes.length - failed.length, failed: failed.map((o) => ({ target: targetLabel(o.target), error: o.error })) };
  const text = [
    `Collected ${outcomes.length - failed.length} of ${outcomes.length} charts.`,
    ...failed.map((o) => `  ${targetLabel(o.target)} failed: ${o.error ?? ''}`),
  ].join('\n');
  return { value, text, exitCode: failed.length > 0 ? 1 : 0 };
}
