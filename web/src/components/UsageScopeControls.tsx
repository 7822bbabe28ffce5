import { useId } from 'react';
import { RANGE_CHOICES, withRange, type Option, type RangeChoice, type ScopeCheck, type UsageScope } from '../lib/usage-query.js';

/**
 * What every usage panel is scoped to: the range (with from/to dates for "Custom") and the key. The
 * dates are checked before anything is sent; `check` says what is wrong in words.
 */
export function UsageScopeControls({
  scope,
  check,
  keys,
  keysError,
  onChange,
  onRefresh,
}: {
  scope: UsageScope;
  check: ScopeCheck;
  /** null while the account's keys load. */
  keys: Option[] | null;
  keysError: string | null;
  onChange: (scope: UsageScope) => void;
  onRefresh: () => void;
}) {
  const ids = { range: useId(), from: useId(), to: useId(), key: useId(), problem: useId(), keysHint: useId() };
  const bad = (field: 'from' | 'to') => !check.ok && check.field === field;
  return (
    <section className="panel" aria-label="Usage filters">
      <div className="filters">
        <div className="filter">
          <label htmlFor={ids.range}>Range</label>
          <select id={ids.range} value={scope.range} onChange={(e) => onChange(withRange(scope, e.target.value as RangeChoice, Date.now()))}>
            {RANGE_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        {scope.range === 'custom' && (
          <>
            <div className="filter">
              <label htmlFor={ids.from}>From (UTC)</label>
              <input
                id={ids.from}
                type="date"
                value={scope.from}
                onChange={(e) => onChange({ ...scope, from: e.target.value })}
                aria-invalid={bad('from') || undefined}
                aria-describedby={bad('from') ? ids.problem : undefined}
              />
            </div>
            <div className="filter">
              <label htmlFor={ids.to}>To (UTC, included)</label>
              <input
                id={ids.to}
                type="date"
                value={scope.to}
                onChange={(e) => onChange({ ...scope, to: e.target.value })}
                aria-invalid={bad('to') || undefined}
                aria-describedby={bad('to') ? ids.problem : undefined}
              />
            </div>
          </>
        )}
        <div className="filter">
          <label htmlFor={ids.key}>Key</label>
          <select
            id={ids.key}
            value={scope.keyId}
            onChange={(e) => onChange({ ...scope, keyId: e.target.value })}
            aria-describedby={keysError || keys === null ? ids.keysHint : undefined}
          >
            <option value="">All keys</option>
            {keys?.map((k) => (
              <option key={k.value} value={k.value}>{k.label}</option>
            ))}
          </select>
          {keys === null && !keysError && <p className="hint" id={ids.keysHint}>Loading your keys…</p>}
          {keysError && <p className="hint error" id={ids.keysHint}>Your keys could not be listed: {keysError}</p>}
        </div>
        <div className="filter filter-action">
          <button type="button" onClick={onRefresh} disabled={!check.ok}>Refresh</button>
        </div>
      </div>
      {!check.ok && (
        <p role="alert" className="error" id={ids.problem} data-testid="range-problem">
          {check.message}
        </p>
      )}
      {scope.range === 'custom' && check.ok && <p className="hint">Whole UTC days, both dates included, at most 93 days.</p>}
    </section>
  );
}
