import { useEffect, useState } from 'react';
import { countdownText, type Problem } from '../lib/problem.js';
import { Link } from './router.js';

/** Seconds left of a wait, ticking down once a second while shown. */
function useCountdown(seconds: number | null): number | null {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    if (seconds === null) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const rest = seconds - (Date.now() - started) / 1000;
      setLeft(Math.max(0, rest));
      if (rest <= 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

const CONSOLE_KEYS = { href: '/console/keys', label: 'Create a key' };

/**
 * A failed request for people: what went wrong, the server's words, the parameters it named (also
 * marked in the form), a countdown for a rate limit and the way to more credits or a key.
 */
export function ErrorCallout({
  problem,
  keyOffer = CONSOLE_KEYS,
  onPasteKey,
}: {
  problem: Problem;
  /** The way to a key; in the Console it is the Keys page. */
  keyOffer?: { href: string; label: string };
  onPasteKey: () => void;
}) {
  const left = useCountdown(problem.retryAfterSeconds);
  const fields = Object.entries(problem.fields);
  return (
    <div className="callout callout-error" role="alert" data-testid="error-callout">
      <p className="callout-title">
        {problem.status !== null && <><strong>{problem.status}</strong> </>}
        {problem.title}
        {problem.code && <code className="hint"> {problem.code}</code>}
      </p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([param, message]) => (
            <li key={param}>
              <a href={`#param-${param}`} onClick={(e) => { e.preventDefault(); document.getElementById(`param-${param}`)?.focus(); }}>
                <code>{param}</code>
              </a>{' '}
              {message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{problem.message}</p>
      )}
      {problem.retryAfterSeconds !== null && left !== null && (
        <p data-testid="retry-countdown" aria-live="off">
          {left > 0 ? `You can retry in ${countdownText(left)}.` : 'You can retry now.'}
        </p>
      )}
      {problem.action === 'key' && (
        <p className="row">
          <Link className="button primary" href={keyOffer.href}>{keyOffer.label}</Link>
          <button type="button" onClick={onPasteKey}>Paste a key</button>
        </p>
      )}
      {(problem.action === 'credits' || problem.action === 'wait') && (
        <p>
          {problem.upgradePath && !problem.upgradePath.startsWith('/') ? (
            <a href={problem.upgradePath}>{problem.action === 'credits' ? 'Get more credits' : 'See plans with higher limits'}</a>
          ) : (
            <Link href={`${(problem.upgradePath ?? '/console/billing').split('#')[0]}#change-plan`}>
              {problem.action === 'credits' ? 'Get more credits' : 'See plans with higher limits'}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
