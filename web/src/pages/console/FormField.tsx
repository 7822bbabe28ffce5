import { useId, type ReactNode } from 'react';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field whose error (the server's words for this field) sits under the control,
 * marked invalid and read with it by screen readers.
 */
export function FormField({ label, error, hint, className, children }: { label: string; error?: string | undefined; hint?: string; className?: string; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={className ?? 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {error && (
        <p className="error field-error" id={`${id}-error`}>
          {label}: {error}
        </p>
      )}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A callout said at once: a plan limit, a conflict, a failed run. */
export function Callout({ tone, title, children }: { tone: 'error' | 'warn'; title: string; children?: ReactNode }) {
  return (
    <div className={`callout callout-${tone}`} role="alert">
      <p className="callout-title">
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
