import { useId, useMemo, type ReactNode } from 'react';
import { displayCell, findList, findRecord, tableColumns, TABLE_ROW_LIMIT, trendIsTimed, trendOf } from '../lib/response-view.js';
import { formatNumber, plural } from '../lib/format.js';
import { Sparkline } from './Sparkline.js';

/**
 * What the table shows, above its scrolling box rather than as a `<caption>` inside it: a caption
 * is centred over the whole table, which is often wider than the pane, and so was cut off.
 */
function TableCaption({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="hint table-caption" id={id} data-testid="table-caption">
      {children}
    </p>
  );
}

/** A list response as a table (curves drawn as sparklines beside each name); a detail response as field/value rows. */
export function ResponseTable({ body }: { body: unknown }) {
  const list = useMemo(() => findList(body), [body]);
  const record = useMemo(() => (list ? null : findRecord(body)), [body, list]);
  const captionId = useId();
  if (record) {
    const trend = trendOf(record.record);
    return (
      <>
        <TableCaption id={captionId}>
          <code>{record.path}</code>
        </TableCaption>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Response fields">
          <table aria-describedby={captionId}>
            <tbody>
              {trend && (
                <tr>
                  <th scope="row">trend</th>
                  <td><Sparkline points={trend} timed={trendIsTimed(record.record)} /></td>
                </tr>
              )}
              {Object.entries(record.record)
                .filter(([, v]) => v === null || typeof v !== 'object')
                .map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{displayCell(k, v)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  if (!list) return <p className="hint">This response has no list or record to show as a table.</p>;
  const columns = tableColumns(list.items);
  const withTrend = list.items.some((i) => trendOf(i) !== null);
  const rows = list.items.slice(0, TABLE_ROW_LIMIT);
  return (
    <>
      <TableCaption id={captionId}>
        <code>{list.path}</code>: {plural(list.items.length, 'item')}{list.items.length > rows.length ? `, first ${formatNumber(rows.length)} shown` : ''}
      </TableCaption>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Response as a table">
        <table aria-describedby={captionId}>
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
                    <td key={c}>{displayCell(c, item[c])}</td>
                  ))}
                  {withTrend && <td>{trend ? <Sparkline points={trend} timed={trendIsTimed(item)} invert={!trendIsTimed(item)} /> : ''}</td>}
                  {columns.slice(2).map((c) => (
                    <td key={c} className={typeof item[c] === 'number' ? 'num' : undefined}>{displayCell(c, item[c])}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
