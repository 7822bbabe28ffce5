import { Link } from './router.js';

/** Send (also Ctrl/Cmd+Enter), or Cancel while a request is in flight; filled in once a key is set. */
export function SendButton({ sending, hasKey, onSend, onCancel }: { sending: boolean; hasKey: boolean; onSend: () => void; onCancel: () => void }) {
  return sending ? (
    <button type="button" onClick={onCancel}>Cancel</button>
  ) : (
    <button type="button" className={hasKey ? 'primary send' : 'send'} onClick={onSend} aria-keyshortcuts="Control+Enter Meta+Enter" title="Send (Ctrl/⌘+Enter)">
      Send
    </button>
  );
}

/**
 * The sticky request line: method, the exact URL, Send (also Ctrl/Cmd+Enter). Without a key the
 * first thing offered is the way to one (a free account, or a new key when signed in), which comes
 * back here with it.
 */
export function RequestBar({
  method,
  url,
  sending,
  hasKey,
  keyOffer,
  onSend,
  onCancel,
}: {
  method: string;
  url: string;
  sending: boolean;
  hasKey: boolean;
  keyOffer: { href: string; label: string };
  onSend: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="request-bar">
      <div className="request-line" data-testid="request-preview" tabIndex={0} aria-label="Request URL" title={url}>
        <span className="method">{method}</span> <span className="url">{url}</span>
      </div>
      <div className="request-actions">
        <SendButton sending={sending} hasKey={hasKey} onSend={onSend} onCancel={onCancel} />
        {!hasKey && (
          <Link className="button primary" href={keyOffer.href}>
            {keyOffer.label}
          </Link>
        )}
      </div>
    </div>
  );
}
