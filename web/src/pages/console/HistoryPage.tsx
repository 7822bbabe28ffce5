import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ChartView } from '../../components/ChartView.js';
import { ErrorCallout } from '../../components/ErrorCallout.js';
import { KeyPanel, useStoredKey } from '../../components/KeyPanel.js';
import { ParamForm } from '../../components/ParamForm.js';
import { Link } from '../../components/router.js';
import { sharedCatalog, type Catalog, type Endpoint } from '../../lib/catalog.js';
import { formatDay, plural } from '../../lib/format.js';
import {
  emptyMoversInWords,
  historyEndpoints,
  historyForm,
  historySummary,
  moversSummary,
  moversValues,
  noHistoryInWords,
  noMoversInWords,
  startingHistoryValues,
  type HistoryPart,
} from '../../lib/history-view.js';
import { formProblems } from '../../lib/param-check.js';
import { problemOf } from '../../lib/problem.js';
import { runRequest, type RequestResult, type RunningRequest } from '../../lib/request.js';
import { requestUrl } from '../../lib/request-url.js';
import { ErrorText } from './shared.js';

/** One answer of the public API, parsed; or why there is none. */
type Answer = { result: RequestResult; body: unknown };

function parse(result: RequestResult): Answer {
  if (!result.ok) return { result, body: undefined };
  try {
    return { result, body: JSON.parse(result.body) as unknown };
  } catch {
    return { result, body: undefined };
  }
}

function Failure({ answer, onPasteKey }: { answer: Answer; onPasteKey: () => void }) {
  const { result } = answer;
  if (!result.ok) return <ErrorText message={result.message} />;
  const problem = problemOf(result.status, result.body, result.headers, location.origin);
  return problem ? <ErrorCallout problem={problem} onPasteKey={onPasteKey} /> : null;
}

/**
 * The history form and its charts. `movers` is the movers endpoint's part: when the operator switched it
 * off (or the server has none), the page sends no movers request and says why there are no movers.
 */
function HistoryTool({ catalog, history, movers: moversPart }: { catalog: Catalog; history: Endpoint; movers: HistoryPart }) {
  const movers = moversPart.endpoint;
  const noMovers = noMoversInWords(moversPart);
  const form = useMemo(() => historyForm(history), [history]);
  const directions = useMemo(() => (movers?.params.find((p) => p.name === 'direction')?.enum ?? []).map(String), [movers]);
  const [values, setValues] = useState(() => startingHistoryValues(form));
  const [direction, setDirection] = useState(() => String(movers?.params.find((p) => p.name === 'direction')?.default ?? directions[0] ?? ''));
  const storedKey = useStoredKey();
  const [keyOpen, setKeyOpen] = useState(() => storedKey.apiKey === null);
  const [answers, setAnswers] = useState<{ history: Answer; movers: Answer | null } | null>(null);
  const [sending, setSending] = useState(false);
  const [noKey, setNoKey] = useState(false);
  const running = useRef<RunningRequest[]>([]);
  const directionId = useId();
  useEffect(() => () => running.current.forEach((r) => r.cancel()), []);

  const apiKey = storedKey.apiKey;
  const draw = async (e: FormEvent) => {
    e.preventDefault();
    if (!apiKey) {
      setNoKey(true);
      setKeyOpen(true);
      return;
    }
    setNoKey(false);
    running.current.forEach((r) => r.cancel());
    const origin = location.origin;
    const requests = [
      runRequest(requestUrl(origin, catalog.basePath, history, values), apiKey, { client: 'console' }),
      // No movers request where the endpoint is switched off: it could only answer 403.
      ...(movers ? [runRequest(requestUrl(origin, catalog.basePath, movers, moversValues(values, direction)), apiKey, { client: 'console' })] : []),
    ];
    running.current = requests;
    setSending(true);
    const [h, m] = await Promise.all(requests.map((r) => r.result));
    if (running.current !== requests) return;
    setSending(false);
    setAnswers({ history: parse(h!), movers: m ? parse(m) : null });
  };

  const serverFields = useMemo(() => {
    const r = answers?.history.result;
    return r?.ok ? (problemOf(r.status, r.body, r.headers, location.origin)?.fields ?? {}) : {};
  }, [answers]);
  const problems = { ...formProblems(form.params, values), ...serverFields };
  const ok = (a: Answer) => a.result.ok && a.result.status >= 200 && a.result.status < 300;
  const summary = answers && ok(answers.history) ? historySummary(answers.history.body) : null;
  const moved = answers?.movers && ok(answers.movers) ? moversSummary(answers.movers.body) : null;

  return (
    <>
      <KeyPanel
        apiKey={apiKey}
        remembered={storedKey.remembered}
        open={keyOpen}
        onOpenChange={setKeyOpen}
        onSave={(key, remember) => {
          storedKey.save(key, remember);
          setNoKey(false);
        }}
        onForget={storedKey.forget}
      />
      <form onSubmit={draw} className="panel" aria-labelledby="history-form-h">
        <h2 id="history-form-h">Hashtag history</h2>
        <p className="hint">
          {movers ? (
            <>
              Calls <code>{catalog.basePath + history.path}</code> and <code>{catalog.basePath + movers.path}</code> with your key:{' '}
              {plural(history.creditCost + movers.creditCost, 'credit')} per draw.
            </>
          ) : (
            <>
              Calls <code>{catalog.basePath + history.path}</code> with your key: {plural(history.creditCost, 'credit')} per draw.
            </>
          )}
        </p>
        {noMovers && <p className="hint" data-testid="movers-off">{noMovers}</p>}
        <ParamForm endpoint={form} values={values} problems={problems} onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))} />
        {movers && (
          <div className="field">
            <label htmlFor={directionId}>Movers to list</label>
            <select id={directionId} value={direction} onChange={(e) => setDirection(e.target.value)} style={{ width: 'auto' }}>
              {directions.map((d) => (
                <option key={d} value={d}>{d}</option>
              ))}
            </select>
          </div>
        )}
        {noKey && <p role="alert" className="error">Add an API key above to draw the history.</p>}
        <button type="submit" className="primary" disabled={sending}>{sending ? 'Drawing…' : 'Draw history'}</button>
      </form>
      {answers && (
        <>
          <section className="panel" aria-labelledby="history-chart-h">
            <h2 id="history-chart-h">Rank by day</h2>
            {ok(answers.history) ? (
              <>
                {summary && (
                  <p className="hint" data-testid="history-summary">
                    {plural(summary.points, 'day')} on the chart out of {plural(summary.coveredDays, 'stored day')}; days the chart was not stored are gaps.
                  </p>
                )}
                {summary?.notice && <p className="callout callout-warn">{summary.notice}</p>}
                <ChartView body={answers.history.body} />
              </>
            ) : (
              <Failure answer={answers.history} onPasteKey={() => setKeyOpen(true)} />
            )}
          </section>
          {answers.movers && (
            <section className="panel" aria-labelledby="movers-h">
              <h2 id="movers-h">Movers in the same chart</h2>
              {moved ? (
                moved.count === 0 ? (
                  <p data-testid="movers-empty">{emptyMoversInWords(moved, direction, (d) => formatDay(d))}</p>
                ) : (
                  <ChartView body={answers.movers.body} />
                )
              ) : (
                <Failure answer={answers.movers} onPasteKey={() => setKeyOpen(true)} />
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}

/**
 * Trend history in the Console: one hashtag's daily rank (drawn with 1 on top) and the movers of the
 * same chart, from the public history API called with one of the user's keys, kept in this browser
 * as the Playground keeps it.
 */
export function HistoryPage() {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sharedCatalog().then(setCatalog, (e: unknown) => setError(e instanceof Error ? e.message : 'The catalog could not be loaded.'));
  }, []);
  const parts = catalog ? historyEndpoints(catalog) : null;
  const noHistory = parts && noHistoryInWords(parts);
  return (
    <div>
      <h1>History</h1>
      <ErrorText message={error} />
      {!catalog ? (
        !error && <p aria-live="polite">Loading the catalog…</p>
      ) : !parts?.history.endpoint ? (
        <p data-testid="history-off">
          {noHistory}
          {parts?.movers.endpoint && (
            <>
              {' '}
              <Link href={`/playground/${parts.movers.endpoint.operationId}`}>Open movers in the Playground</Link>
            </>
          )}
        </p>
      ) : (
        <HistoryTool catalog={catalog} history={parts.history.endpoint} movers={parts.movers} />
      )}
    </div>
  );
}
