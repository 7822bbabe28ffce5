import { Marked, type Tokens } from 'marked';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Links may go to http(s), mail or this app; anything else (javascript:, data:) is shown as text. */
function safeHref(href: string): string | null {
  return /^(https?:|mailto:|\/(?!\/)|#)/i.test(href) ? href : null;
}

/*
 * Catalog text is Markdown written by us, but it is still text: raw HTML in it is escaped, never
 * interpreted, and only safe link targets survive.
 */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      const href = safeHref(token.href);
      const text = this.parser.parseInline(token.tokens);
      return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text);
    },
  },
});

/** One line of Markdown as HTML (no paragraph around it). */
export function inlineHtml(text: string): string {
  return markdown.parseInline(text, { async: false });
}

/** Markdown paragraphs, lists and code as HTML. */
export function blockHtml(text: string): string {
  return markdown.parse(text, { async: false });
}
