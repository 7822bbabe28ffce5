/**
 * An integer literal in an id field: `"item_id": 7562659435622010123`. The key is matched with its
 * quotes and colon, so digits inside string values (where quotes are escaped) never match.
 */
const ID_INTEGER = /"((?:[A-Za-z0-9]+_)*id)"(\s*:\s*)(-?[0-9]+)(?=\s*[,}\]])/g;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * JSON.parse that keeps large ids exact (upstream spec §4 big-int warning, contract §4.1 ids):
 * `item_id` is always turned into a string, any other `id`/`*_id` only when it exceeds 2^53, so small
 * numeric ids such as industry ids (11 digits) stay numbers as the schemas expect.
 */
export function parseJsonKeepingIds(text: string): unknown {
  const quoted = text.replace(ID_INTEGER, (match, key: string, colon: string, digits: string) => {
    const unsafe = digits.length >= 16 && (digits.startsWith('-') ? -BigInt(digits) : BigInt(digits)) > MAX_SAFE;
    return key === 'item_id' || unsafe ? `"${key}"${colon}"${digits}"` : match;
  });
  return JSON.parse(quoted);
}
