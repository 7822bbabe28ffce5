/** The placeholder snippets use where a key goes (docs/api-contract.md § Playground). */
export const KEY_PLACEHOLDER = '<api-key>';

/** Quotes a value for a POSIX shell's double quotes. */
function shellDoubleQuoted(value: string): string {
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `curl "<url>" -H "x-api-key: <key>"`: the real key only when one is configured (docs/api-contract.md § Playground). */
export function curlCommand(url: string, key: string | null): string {
  return `curl ${shellDoubleQuoted(url)} -H ${shellDoubleQuoted(`x-api-key: ${key ?? KEY_PLACEHOLDER}`)}`;
}
