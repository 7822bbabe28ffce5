/** The placeholder snippets use where a key goes (contract §8 item 7). */
export const KEY_PLACEHOLDER = '<api-key>';

/** Quotes a value for a POSIX shell's double quotes. */
function shellDoubleQuoted(value: string): string {
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `curl "<url>" -H "x-api-key: <key>"`: the real key only when one is configured (contract §8 item 13). */
export function curlCommand(url: string, key: string | null): string {
  return `curl ${shellDoubleQuoted(url)} -H ${shellDoubleQuoted(`x-api-key: ${key ?? KEY_PLACEHOLDER}`)}`;
}
