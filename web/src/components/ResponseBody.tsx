import { useMemo, useState } from 'react';
import { cellText, displayBody, findList, formatBytes, tableColumns, TABLE_ROW_LIMIT, trendOf } from '../lib/response-view.js';
import { Sparkline } from './Sparkline.js';

/** A list response as a table, trend curves drawn as sparklines beside each item's name. */
export function ListTable({ body }: { body: unknown }) {
  const list = useMemo(() => findList(body), [body]);
  if (!list) return <p className="hint">This response has no list to show as a table.</p>;
  const columns = tableColumns(list.items);
  const withTrend = list.items.some((i) => trendOf(i) !== null);
  const rows = list.items.slice(0, TABLE_ROW_LIMIT);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
      <table>
        <caption className="hint" style={{ textAlign: 'left' }}>
          <code>{list.path}</code>: {list.items.length} items{list.items.length > rows.length ? `, first ${rows.length} shown` : ''}
        </caption>
        <thead>
          <tr>
            {columns.slice(0, 2).map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
            {withTrend && <th scope="col">trend</th>}
            {columns.slice(2).map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((item, i) => {
            const trend = trendOf(item);
            return (
              <tr key={i}>
                {columns.slice(0, 2).map((c) => (
                  <td key={c}>{cellText(item[c]) ?? ''}</td>
                ))}
                {withTrend && <td>{trend ? <Sparkline points={trend} /> : ''}</td>}
                {columns.slice(2).map((c) => (
                  <td key={c}>{cellText(item[c]) ?? ''}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A body as JSON or table; over 1 MB the JSON view is cut and the whole body can be downloaded. */
export function ResponseBody({ body, bytes, fileName }: { body: string; bytes: number; fileName: string }) {
  const [view, setView] = useState<'json' | 'table'>('table');
  const shown = useMemo(() => displayBody(body, bytes), [body, bytes]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const hasList = shown.parsed !== undefined && findList(shown.parsed) !== null;
  const active = hasList ? view : 'json';
  return (
    <div>
      <div className="tabs" role="group" aria-label="Body view">
        <button type="button" aria-pressed={active === 'table'} disabled={!hasList} onClick={() => setView('table')}>Table</button>
        <button type="button" aria-pressed={active === 'json'} onClick={() => setView('json')}>JSON</button>
        <button type="button" onClick={download}>Download ({formatBytes(bytes)})</button>
      </div>
      {shown.truncated && (
        <p className="hint" role="note">
          This body is {formatBytes(bytes)}; the view shows the first 1 MB. Download it to see everything.
        </p>
      )}
      {active === 'table' ? <ListTable body={shown.parsed} /> : <pre tabIndex={0} aria-label="Response body">{shown.text}</pre>}
    </div>
  );
}
