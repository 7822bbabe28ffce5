import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { sharedCatalog } from '../../lib/catalog.js';
import { removalBlocked, RUN_POLL_MS, runInWords, runShare, targetBody, targetPath } from '../../lib/collect-run.js';
import type { CollectRun, CollectTargetView, OperatorCollect } from '../../lib/console-api.js';
import { formatDay, formatTime } from '../../lib/format.js';
import { splitFieldErrors } from '../../lib/form-errors.js';
import { chartChoices, chartScope, noChartsInWords, type ChartChoices } from '../../lib/watches.js';
import { Callout, FormField } from './FormField.js';
import { api } from './shared.js';

function RemoveButton({ target, onRemove }: { target: CollectTargetView; onRemove: () => void }) {
  const reasonId = useId();
  const blocked = removalBlocked(target);
  if (blocked) {
    // A disabled button shows no tooltip of its own in every browser: the wrapper carries it, and the
    // reason is read with the button.
    return (
      <span title={blocked}>
        <button type="button" className="danger" disabled aria-describedby={reasonId}>Remove</button>
        <span id={reasonId} className="visually-hidden">{blocked}</span>
      </span>
    );
  }
  return <button type="button" className="danger" onClick={onRemove} aria-label={`Remove ${target.label}`}>Remove</button>;
}

function RunProgress({ run }: { run: CollectRun }) {
  return (
    <div data-testid="collect-run">
      <p aria-live="polite">{runInWords(run)}</p>
      {run.running && (
        <div className="meter" role="progressbar" aria-label="Collection progress" aria-valuemin={0} aria-valuemax={run.total} aria-valuenow={run.done}>
          <div style={{ width: `${runShare(run) * 100}%` }} />
        </div>
      )}
    </div>
  );
}

/** Operators only: the charts collected daily, their last day and status, add, remove, and a run now with progress. */
export function OperatorPage() {
  const [data, setData] = useState<OperatorCollect | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [choices, setChoices] = useState<ChartChoices | null>(null);
  const [draft, setDraft] = useState({ chart: '', country_code: '', period: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  // Counts the loads, so a failed poll during a run schedules the next one instead of ending the polling.
  const [loads, setLoads] = useState(0);

  const load = useCallback(async () => {
    const res = await api.call<OperatorCollect>('GET', 'operator/collect');
    if (res.ok) {
      setData(res.data);
      setLoadError(null);
    } else setLoadError(res.message);
    setLoads((n) => n + 1);
  }, []);
  useEffect(() => {
    void load();
    sharedCatalog().then(
      (c) => {
        const found = chartChoices(c);
        setChoices(found);
        setDraft((d) => (d.chart === '' ? { ...d, chart: found.charts[0] ?? '' } : d));
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : 'The catalog could not be loaded.'),
    );
  }, [load]);

  const noCharts = choices && noChartsInWords(choices, 'collect');

  // While a run is going, ask again every second, also after a failed ask; it stops once the server
  // says the run has finished.
  const running = data?.run.running ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void load(), RUN_POLL_MS);
    return () => clearTimeout(timer);
  }, [running, loads, load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setActionError(null);
    const res = await api.call<{ target: CollectTargetView }>('POST', 'operator/collect', targetBody(draft));
    if (!res.ok) {
      const { inline, rest } = splitFieldErrors(res.fields, ['chart', 'country_code', 'period']);
      setErrors(inline);
      // A 409's message is the server's sentence: which chart, and whether the COLLECT setting holds it.
      return setActionError(Object.keys(res.fields).length > 0 ? rest : res.message);
    }
    setDraft((d) => ({ ...d, country_code: '' }));
    setMessage(`Added ${res.data.target.label}.`);
    await load();
  };
  const remove = async (target: CollectTargetView) => {
    if (!window.confirm(`Stop collecting ${target.label}? Its stored history is kept.`)) return;
    setActionError(null);
    const res = await api.call('DELETE', targetPath(target));
    if (!res.ok) return setActionError(res.message);
    setMessage(`Removed ${target.label}.`);
    await load();
  };
  const runNow = async () => {
    setActionError(null);
    const res = await api.call<{ run: CollectRun }>('POST', 'operator/collect/run');
    if (!res.ok) {
      // A 409 means another collection holds the lock: show the server's sentence and what runs here.
      if (res.status === 409) void load();
      return setActionError(res.message);
    }
    setData((d) => (d ? { ...d, run: res.data.run } : d));
    setMessage('Collection started.');
  };

  return (
    <div>
      <h1>Operator: collection</h1>
      <p className="hint">Charts this server stores once a UTC day, charged to no one, so trend history has no gaps.</p>
      {loadError && <Callout tone="error" title="The collection could not be loaded"><p>{loadError}</p></Callout>}
      {actionError && <Callout tone="error" title="That did not work"><p>{actionError}</p></Callout>}
      <p aria-live="polite" className="success">{message}</p>
      {data === null ? (
        !loadError && <p aria-live="polite">Loading the collection…</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="run-h">
            <h2 id="run-h">Runs</h2>
            <p>
              {data.schedule.enabled
                ? `Collected daily${data.schedule.next_run_at ? `; next run ${formatTime(data.schedule.next_run_at)}` : ''}.`
                : 'Scheduled collection is off on this server; run it here or with trendlens collect run.'}
            </p>
            <RunProgress run={data.run} />
            <button type="button" className="primary" onClick={runNow} disabled={data.run.running}>
              {data.run.running ? 'Collecting…' : 'Run collection now'}
            </button>
          </section>
          <form onSubmit={add} className="panel" noValidate aria-labelledby="add-target-h">
            <h2 id="add-target-h">Add a chart</h2>
            {noCharts ? (
              <p role="status" className="callout callout-warn" data-testid="no-charts">{noCharts}</p>
            ) : (
              <div className="filters">
                <FormField label="Chart" error={errors.chart} className="filter">
                  {(control) => (
                    <select {...control} value={draft.chart} onChange={(e) => setDraft((d) => ({ ...d, chart: e.target.value }))}>
                      {(choices?.charts ?? []).map((c) => (
                        <option key={c} value={c}>{c}</option>
                      ))}
                    </select>
                  )}
                </FormField>
                <FormField label="Country (optional)" error={errors.country_code} className="filter">
                  {(control) => <input {...control} type="text" value={draft.country_code} onChange={(e) => setDraft((d) => ({ ...d, country_code: e.target.value }))} placeholder="all regions, or e.g. US" maxLength={8} autoComplete="off" />}
                </FormField>
                <FormField label="Period" error={errors.period} className="filter">
                  {(control) => (
                    <select {...control} value={draft.period} onChange={(e) => setDraft((d) => ({ ...d, period: e.target.value }))}>
                      <option value="">(the chart's default)</option>
                      {(choices?.periods ?? []).map((p) => (
                        <option key={p} value={p}>{p} days</option>
                      ))}
                    </select>
                  )}
                </FormField>
                <div className="filter-action">
                  <button type="submit" className="primary" disabled={choices === null}>Add chart</button>
                </div>
              </div>
            )}
          </form>
          {data.targets.length === 0 ? (
            <p>No charts are collected. Add one above, or list them in the COLLECT setting.</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Collected charts">
              <table className="stack" data-testid="collect-targets">
                <thead>
                  <tr>
                    {['Chart', 'Country, period', 'From', 'Last day', 'Status', 'Actions'].map((h) => (
                      <th key={h} scope="col">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.targets.map((t) => (
                    <tr key={t.label}>
                      <td data-label="Chart"><code>{t.label}</code></td>
                      <td data-label="Country, period">{chartScope(t.country_code, t.period)}</td>
                      <td data-label="From">{t.origin === 'setting' ? 'COLLECT setting' : 'added here or with the CLI'}</td>
                      <td data-label="Last day">{t.last_day ? formatDay(t.last_day) : 'not yet'}</td>
                      <td data-label="Status">
                        {t.last_status === null ? '—' : <span className={t.last_status === 'ok' ? 'status-ok' : 'status-err'}>{t.last_status === 'ok' ? 'OK' : 'Failed'}</span>}
                        {t.last_error && <span className="error"> {t.last_error}</span>}
                      </td>
                      <td data-label="Actions">
                        <RemoveButton target={t} onRemove={() => remove(t)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
