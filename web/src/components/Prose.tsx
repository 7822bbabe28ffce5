import type { ReactNode } from 'react';

/**
 * Catalog descriptions and notes mark names with backticks, as Markdown does; this renders those
 * spans as code and everything else as plain text (no HTML from the catalog is ever interpreted).
 */
export function Prose({ text }: { text: string }): ReactNode {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
