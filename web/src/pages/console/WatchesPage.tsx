import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from '../../components/router.js';
import { sharedCatalog } from '../../lib/catalog.js';
import type { WatchView, WebhookEndpointView } from '../../lib/console-api.js';
import { formatTime } from '../../lib/format.js';
import { splitFieldErrors } from '../../lib/form-errors.js';
import { chartChoices, chartScope, KIND_FIELDS, limitInWords, noChartsInWords, WATCH_KINDS, watchBody, watchRule, type ChartChoices, type WatchDraft, type WatchKind } from '../../lib/watches.js';
import { Callout, FormField } from './FormField.js';
import { api, ErrorText } from './shared.js';

const FORM_FIELDS = ['kind', 'chart', 'country_code', 'period', 'name', 'top_n', 'min_change', 'endpoint_id'];

const EMPTY: Omit<WatchDraft, 'chart' | 'endpoint_id'> = { kind: 'entry', country_code: '', period: '', name: '', top_n: '', min_change: '' };

function CreateWatch({ endpoints, onAttempt, onCreated }: { endpoints: WebhookEndpointView[]; /** A new try: the last one's message no longer applies. */ onAttempt: () => void; onCreated: (watch: WatchView) => void }) {
  const [choices, setChoices] = useState<ChartChoices | null>(null);
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const [draft, setDraft] = useState<WatchDraft>({ ...EMPTY, chart: '', endpoint_id: endpoints[0]?.id ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [limitReached, setLimitReached] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    sharedCatalog().then(
      (c) => {
        const found = chartChoices(c);
        setChoices(found);
        setDraft((d) => (d.chart === '' ? { ...d, chart: found.charts[0] ?? '' } : d));
      },
      (e: unknown) => setCatalogError(e instanceof Error ? e.message : 'The catalog could not be loaded.'),
    );
  }, []);
  const set = (field: keyof WatchDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const fields = KIND_FIELDS[draft.kind];
  const noCharts = choices && noChartsInWords(choices, 'watch');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onAttempt();
    setBusy(true);
    setErrors({});
    setFormError(null);
    setLimitReached(null);
    const res = await api.call<{ watch: WatchView }>('POST', 'watches', watchBody(draft));
    setBusy(false);
    if (!res.ok) {
      if (res.code === 'plan_limit_reached') return setLimitReached(res.message);
      const { inline, rest } = splitFieldErrors(res.fields, FORM_FIELDS);
      setErrors(inline);
      return setFormError(Object.keys(res.fields).length > 0 ? rest : res.message);
    }
    setDraft((d) => ({ ...d, name: '', top_n: '', min_change: '' }));
    onCreated(res.data.watch);
  };

  return (
    <form onSubmit={submit} className="panel" noValidate aria-labelledby="new-watch-h">
      <h2 id="new-watch-h">Create a watch</h2>
      {limitReached && (
        <Callout tone="warn" title="Watch limit reached">
          <p>
            {limitReached} Delete a watch, or <Link href="/console/billing#change-plan">choose a plan with more watches</Link>.
          </p>
        </Callout>
      )}
      <fieldset className="field" aria-describedby="watch-kind-hint">
        <legend>
          <strong>Fire when</strong>
        </legend>
        {WATCH_KINDS.map((k) => (
          <label className="check" key={k.kind}>
            <input type="radio" name="watch-kind" value={k.kind} checked={draft.kind === k.kind} onChange={() => set('kind')(k.kind as WatchKind)} />
            {k.label}
          </label>
        ))}
        <p className="hint" id="watch-kind-hint">{WATCH_KINDS.find((k) => k.kind === draft.kind)?.hint}</p>
        {errors.kind && <p className="error field-error">Kind: {errors.kind}</p>}
      </fieldset>
      <ErrorText message={catalogError} />
      {noCharts && <p role="status" className="callout callout-warn" data-testid="no-charts">{noCharts}</p>}
      <div className="filters">
        {!noCharts && (
          <FormField label="Chart" error={errors.chart} className="filter">
            {(control) => (
              <select {...control} value={draft.chart} onChange={(e) => set('chart')(e.target.value)}>
                {(choices?.charts ?? []).map((c) => (
                  <option key={c} value={c}>{c}</option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField label="Country (optional)" error={errors.country_code} className="filter">
          {(control) => <input {...control} type="text" value={draft.country_code} onChange={(e) => set('country_code')(e.target.value)} placeholder="all regions, or e.g. US" maxLength={8} autoComplete="off" />}
        </FormField>
        <FormField label="Period" error={errors.period} className="filter">
          {(control) => (
            <select {...control} value={draft.period} onChange={(e) => set('period')(e.target.value)}>
              <option value="">(the chart's default)</option>
              {(choices?.periods ?? []).map((p) => (
                <option key={p} value={p}>{p} days</option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="filters">
        {fields.name && (
          <FormField label="Name" error={errors.name} className="filter filter-wide" hint="A hashtag, song, creator or video title; a leading # is ignored.">
            {(control) => <input {...control} type="text" value={draft.name} onChange={(e) => set('name')(e.target.value)} autoComplete="off" />}
          </FormField>
        )}
        {fields.min_change && (
          <FormField label="Places moved (k)" error={errors.min_change} className="filter">
            {(control) => <input {...control} type="text" inputMode="numeric" value={draft.min_change} onChange={(e) => set('min_change')(e.target.value)} placeholder="e.g. 10" />}
          </FormField>
        )}
        <FormField label={fields.topNRequired ? 'Top N' : 'Top N (optional)'} error={errors.top_n} className="filter">
          {(control) => <input {...control} type="text" inputMode="numeric" value={draft.top_n} onChange={(e) => set('top_n')(e.target.value)} placeholder={fields.topNRequired ? 'e.g. 10' : 'the whole chart'} />}
        </FormField>
        <FormField label="Deliver to" error={errors.endpoint_id} className="filter filter-wide">
          {(control) => (
            <select {...control} value={draft.endpoint_id} onChange={(e) => set('endpoint_id')(e.target.value)}>
              {endpoints.map((ep) => (
                <option key={ep.id} value={ep.id}>{ep.url}{ep.status === 'disabled' ? ' (disabled)' : ''}</option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <ErrorText message={formError} />
      <button type="submit" className="primary" disabled={busy || choices === null || Boolean(noCharts)}>Create watch</button>
    </form>
  );
}

/** Watches on charts: the plan's limit, a create form for the three kinds, the list and delete. */
export function WatchesPage() {
  const [watches, setWatches] = useState<{ watches: WatchView[]; limit: number } | null>(null);
  const [endpoints, setEndpoints] = useState<WebhookEndpointView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const load = useCallback(async () => {
    const [w, e] = await Promise.all([
      api.call<{ watches: WatchView[]; limit: number }>('GET', 'watches'),
      api.call<{ endpoints: WebhookEndpointView[] }>('GET', 'webhooks'),
    ]);
    if (!w.ok) return setError(w.message);
    if (!e.ok) return setError(e.message);
    setError(null);
    setWatches(w.data);
    setEndpoints(e.data.endpoints);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (w: WatchView) => {
    if (!window.confirm(`Delete the watch “${watchRule(w)}” on the ${w.chart} chart?`)) return;
    const res = await api.call('DELETE', `watches/${w.id}`);
    if (!res.ok) return setError(res.message);
    setMessage(`Deleted the watch: ${watchRule(w)}.`);
    await load();
  };

  const urlOf = (id: string) => endpoints?.find((ep) => ep.id === id)?.url ?? 'a deleted endpoint';

  return (
    <div>
      <h1>Watches</h1>
      <p className="hint">A watch looks at each day's chart and posts a match to one of your webhook endpoints, once per entry and day.</p>
      <ErrorText message={error} />
      {watches === null || endpoints === null ? (
        !error && <p aria-live="polite">Loading watches…</p>
      ) : (
        <>
          <p data-testid="watch-limit">
            <strong>{limitInWords(watches.watches.length, watches.limit, 'watch', 'watches')}</strong> on your plan.
          </p>
          {endpoints.length === 0 ? (
            <p className="callout">
              A watch needs somewhere to deliver its matches: <Link href="/console/webhooks">add a webhook endpoint</Link> first.
            </p>
          ) : (
            <CreateWatch
              endpoints={endpoints}
              onAttempt={() => setMessage('')}
              onCreated={(w) => {
                setMessage(`Created the watch: ${watchRule(w)}.`);
                void load();
              }}
            />
          )}
          <p aria-live="polite" className="success">{message}</p>
          {watches.watches.length === 0 ? (
            <p>No watches yet.</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Watches">
              <table className="stack" data-testid="watch-list">
                <thead>
                  <tr>
                    {['Rule', 'Kind', 'Chart', 'Country, period', 'Delivers to', 'Created', 'Actions'].map((h) => (
                      <th key={h} scope="col">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {watches.watches.map((w) => (
                    <tr key={w.id}>
                      <td data-label="Rule">{watchRule(w)}</td>
                      <td data-label="Kind">{WATCH_KINDS.find((k) => k.kind === w.kind)?.label ?? w.kind}</td>
                      <td data-label="Chart">{w.chart}</td>
                      <td data-label="Country, period">{chartScope(w.country_code, w.period)}</td>
                      <td data-label="Delivers to"><code className="url">{urlOf(w.endpoint_id)}</code></td>
                      <td data-label="Created">{formatTime(w.created_at)}</td>
                      <td data-label="Actions">
                        <button type="button" className="danger" onClick={() => remove(w)} aria-label={`Delete the watch ${watchRule(w)}`}>Delete</button>
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
