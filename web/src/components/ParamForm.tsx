import type { Endpoint, Param } from '../lib/catalog.js';
import { Markdown } from './Markdown.js';

function Control({ param, id, value, invalid, describedBy, onChange }: { param: Param; id: string; value: string; invalid: boolean; describedBy: string; onChange: (v: string) => void }) {
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined } as const;
  if (param.enum && param.type !== 'csv') {
    const known = value === '' || param.enum.map(String).includes(value);
    return (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{param.default !== undefined ? `(default: ${String(param.default)})` : '(not set)'}</option>
        {/* A deep link's value outside the enum stays visible as what it is, not as the default. */}
        {!known && <option value={value}>{value} (invalid)</option>}
        {param.enum.map((v) => (
          <option key={String(v)} value={String(v)}>{String(v)}</option>
        ))}
      </select>
    );
  }
  if (param.type === 'boolean') {
    return (
      <label className="check">
        <input {...common} aria-labelledby={`${id}-label`} type="checkbox" role="switch" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : '')} />
        {value === 'true' ? 'true' : `not sent${param.default !== undefined ? ` (default ${String(param.default)})` : ''}`}
      </label>
    );
  }
  // Plain text even for integers: invalid values may be sent on purpose, to see the 400.
  return (
    <input
      {...common}
      type="text"
      inputMode={param.type === 'integer' ? 'numeric' : undefined}
      value={value}
      placeholder={param.default !== undefined ? String(param.default) : (param.example ?? '')}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

function facts(param: Param): string {
  const parts: string[] = [param.type === 'csv' ? 'comma-separated' : param.type];
  if (param.required) parts.push('required');
  if (param.default !== undefined) parts.push(`default ${String(param.default)}`);
  if (param.minimum !== undefined || param.maximum !== undefined) {
    parts.push(`${param.minimum ?? '…'}–${param.maximum ?? '…'}${param.clamp ? ', clamped' : ''}`);
  }
  if (param.type === 'csv' && param.enum) parts.push(`any of ${param.enum.join(', ')}`);
  return parts.join(' · ');
}

/** The param form, built from the catalog; `problems` marks fields the server or a deep link got wrong. */
export function ParamForm({
  endpoint,
  values,
  problems,
  onChange,
}: {
  endpoint: Endpoint;
  values: Record<string, string>;
  problems: Readonly<Record<string, string>>;
  onChange: (name: string, value: string) => void;
}) {
  if (endpoint.params.length === 0) return <p className="hint">This endpoint takes no parameters.</p>;
  return (
    <div className="params">
      {endpoint.params.map((p) => {
        const id = `param-${p.name}`;
        const problem = problems[p.name];
        const describedBy = problem ? `${id}-error ${id}-hint` : `${id}-hint`;
        return (
          <div className={problem ? 'field param invalid' : 'field param'} key={p.name}>
            {p.type === 'boolean' ? (
              <span className={p.required ? 'param-name required' : 'param-name'} id={`${id}-label`}>
                <code>{p.name}</code>
              </span>
            ) : (
              <label htmlFor={id} className={p.required ? 'param-name required' : 'param-name'}>
                <code>{p.name}</code>
              </label>
            )}
            <div className="param-input">
              <Control param={p} id={id} value={values[p.name] ?? ''} invalid={problem !== undefined} describedBy={describedBy} onChange={(v) => onChange(p.name, v)} />
              {problem && (
                <p className="error field-error" id={`${id}-error`}>
                  {p.name} {problem}
                </p>
              )}
              <p className="hint" id={`${id}-hint`}>
                <span className="param-facts">{facts(p)}</span> — <Markdown text={p.description} />
              </p>
            </div>
          </div>
        );
      })}
    </div>
  );
}
