import { Link } from './router.js';

/**
 * The sticky request line: method, the exact URL, Send (also Ctrl/Cmd+Enter). Without a key the
 * first thing offered is a free account, which comes back here with a key.
 */
export function RequestBar({
  method,
  url,
  sending,
  hasKey,
  signUpHref,
  freeCredits,
  onSend,
  onCancel,
}: {
  method: string;
  url: string;
  sending: boolean;
  hasKey: boolean;
  signUpHref: string;
  freeCredits: string | null;
  onSend: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="request-bar">
      <div className="request-line" data-testid="request-preview" tabIndex={0} aria-label="Request URL" title={url}>
        <span className="method">{method}</span> <span className="url">{url}</span>
      </div>
      <div className="request-actions">
        {sending ? (
          <button type="button" onClick={onCancel}>Cancel</button>
        ) : (
          <button type="button" className={hasKey ? 'primary send' : 'send'} onClick={onSend} aria-keyshortcuts="Control+Enter Meta+Enter" title="Send (Ctrl/⌘+Enter)">
            Send
          </button>
        )}
        {!hasKey && (
          <Link className="button primary" href={signUpHref}>
            Create a free account{freeCredits ? ` (${freeCredits} credits)` : ''}
          </Link>
        )}
      </div>
    </div>
  );
}
