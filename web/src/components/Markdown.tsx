import { blockHtml, inlineHtml } from '../lib/markdown.js';

/** Catalog Markdown rendered (raw HTML in it is escaped by lib/markdown, never interpreted). */
export function Markdown({ text, block = false, className }: { text: string; block?: boolean; className?: string }) {
  return block ? (
    <div className={className} dangerouslySetInnerHTML={{ __html: blockHtml(text) }} />
  ) : (
    <span className={className} dangerouslySetInnerHTML={{ __html: inlineHtml(text) }} />
  );
}
