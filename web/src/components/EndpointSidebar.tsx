import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Catalog, Endpoint } from '../lib/catalog.js';
import { groupEndpoints, moveIndex, retirementOf, searchEndpoints, shortLabel } from '../lib/endpoint-nav.js';
import { plural } from '../lib/format.js';
import { Link } from './router.js';

/**
 * The endpoint list: one line per endpoint with its method, grouped and collapsible, searchable by
 * name, path, group and description. One tab stop: arrow keys move through the list (also from the
 * search box), Enter chooses. On narrow screens it folds into one line naming the current endpoint.
 */
export function EndpointSidebar({ catalog, current, onChoose }: { catalog: Catalog; current: Endpoint; onChoose: () => void }) {
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(-1);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const ids = { search: useId(), list: useId() };
  const shown = searchEndpoints(catalog.endpoints, query);
  const groups = groupEndpoints(catalog.groups, shown).map((g) => ({ ...g, hidden: query === '' && collapsed.has(g.group) && !g.endpoints.includes(current) }));
  const visible = groups.flatMap((g) => (g.hidden ? [] : g.endpoints));
  const currentIndex = visible.indexOf(current);
  const tabStop = focusIndex >= 0 && focusIndex < visible.length ? focusIndex : Math.max(0, currentIndex);

  const focusAt = (i: number) => {
    setFocusIndex(i);
    links.current[i]?.focus();
  };
  const onListKey = (e: KeyboardEvent, index: number) => {
    const next = moveIndex(e.key, index, visible.length);
    if (next === null) return;
    e.preventDefault();
    focusAt(next);
  };
  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && visible.length > 0) {
      e.preventDefault();
      focusAt(0);
    } else if (e.key === 'Enter' && visible.length > 0) {
      e.preventDefault();
      links.current[0]?.click();
    }
  };
  const toggle = (group: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(group)) next.delete(group);
      else next.add(group);
      return next;
    });

  let index = -1;
  return (
    <nav className="sidebar" aria-label="Endpoints" data-open={open}>
      <button type="button" className="sidebar-toggle" aria-expanded={open} aria-controls={ids.list} onClick={() => setOpen((o) => !o)}>
        <span className="method">{current.method}</span> {shortLabel(current)} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        <span className="visually-hidden"> — choose another endpoint</span>
      </button>
      <div className="sidebar-body" id={ids.list}>
        <label htmlFor={ids.search} className="visually-hidden">Search endpoints</label>
        <input
          id={ids.search}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setFocusIndex(-1);
          }}
          onKeyDown={onSearchKey}
          placeholder="Search endpoints"
          aria-describedby={`${ids.search}-count`}
          autoComplete="off"
        />
        <p className="hint" id={`${ids.search}-count`} aria-live="polite" data-testid="chooser-count">
          {shown.length} shown
        </p>
        {groups.map((g) => (
          <div key={g.group} className="sidebar-group">
            <button type="button" className="group-toggle" aria-expanded={!g.hidden} onClick={() => toggle(g.group)} disabled={query !== ''}>
              {g.group} <span className="hint">{g.endpoints.length}</span>
            </button>
            {!g.hidden && (
              <ul>
                {g.endpoints.map((e) => {
                  index += 1;
                  const i = index;
                  const retired = retirementOf(e);
                  return (
                    <li key={e.operationId}>
                      <Link
                        href={`/playground/${e.operationId}`}
                        ref={(el: HTMLAnchorElement | null) => {
                          links.current[i] = el;
                        }}
                        tabIndex={i === tabStop ? 0 : -1}
                        aria-current={e === current ? 'page' : undefined}
                        onKeyDown={(ev) => onListKey(ev, i)}
                        onFocus={() => setFocusIndex(i)}
                        onClick={() => {
                          setOpen(false);
                          onChoose();
                        }}
                        title={e.path}
                      >
                        <span className="method">{e.method}</span>
                        <span className="label">{shortLabel(e)}</span>
                        {retired && <span className="badge badge-retired">retired</span>}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
        {shown.length === 0 && <p className="hint">No endpoint matches “{query}”. {plural(catalog.endpoints.length, 'endpoint')} in all.</p>}
      </div>
    </nav>
  );
}
