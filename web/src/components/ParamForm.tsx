import { Prose } from './Prose.js';
import type { Endpoint, Param } from '../lib/catalog.js';

function Control({ param, id, value, onChange }: { param: Param; id: string; value: string; onChange: (v: string) => void }) {
  if (param.enum) {
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`}>
        <option value="">{param.default !== undefined ? `(default: ${String(param.default)})` : '(not set)'}</option>
        {param.enum.map((v) => (
          <option key={String(v)} value={String(v)}>{String(v)}</option>
        ))}
      </select>
    );
  }
  if (param.type === 'boolean') {
    return (
      <label className="check">
        <input id={id} type="checkbox" role="switch" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : '')} aria-describedby={`${id}-hint`} />
        {value === 'true' ? 'true' : `not sent${param.default !== undefined ? ` (default ${String(param.default)})` : ''}`}
      </label>
    );
  }
  // Plain text even for integers: invalid values may be sent on purpose, to see the 400 (docs/api-contract.md § Playground).
  return (
    <input
      id={id}
      type="text"
      inputMode={param.type === 'integer' ? 'numeric' : undefined}
      value={value}
      placeholder={param.default !== undefined ? String(param.default) : (param.example ?? '')}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={`${id}-hint`}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

function hint(param: Param): string {
  const parts: string[] = [param.type === 'csv' ? 'comma-separated' : param.type];
  parts.push(param.required ? 'required' : 'optional');
  if (param.default !== undefined) parts.push(`default ${String(param.default)}`);
  if (param.minimum !== undefined || param.maximum !== undefined) {
    parts.push(`range ${param.minimum ?? '…'}–${param.maximum ?? '…'}${param.clamp ? ', clamped, not rejected' : ''}`);
  }
  return parts.join(' · ');
}

/** The param form, built from the catalog (docs/api-contract.md § Playground). */
export function ParamForm({ endpoint, values, onChange }: { endpoint: Endpoint; values: Record<string, string>; onChange: (name: string, value: string) => void }) {
  if (endpoint.params.length === 0) return <p className="hint">This endpoint takes no parameters.</p>;
  return (
    <div>
      {endpoint.params.map((p) => {
        const id = `param-${p.name}`;
        return (
          <div className="field" key={p.name}>
            {p.type === 'boolean' ? (
              <span style={{ fontWeight: 600 }} id={`${id}-label`}>
                {p.name}:{p.in}
                {p.required && <span aria-label="required"> *</span>}
              </span>
            ) : (
              <label htmlFor={id}>
                {p.name}:{p.in}
                {p.required && <span aria-label="required"> *</span>}
              </label>
            )}
            <Control param={p} id={id} value={values[p.name] ?? ''} onChange={(v) => onChange(p.name, v)} />
            <p className="hint" id={`${id}-hint`}>
              {hint(p)} — <Prose text={p.description} />
            </p>
          </div>
        );
      })}
    </div>
  );
}
