const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An id-shaped key: `id`, `item_id`, `material_id`, … */
const ID_KEY = /^(?:[A-Za-z0-9]+_)*id$/;

function unsafeInteger(token: string): boolean {
  if (!/^-?[0-9]{16,}$/.test(token)) return false;
  const n = BigInt(token);
  return n > MAX_SAFE || n < -MAX_SAFE;
}

/**
 * JSON.parse that keeps large ids exact (docs/upstreams.md § Envelope and pagination, docs/api-contract.md § Upstream outcomes and caching).
 * One pass over the text, outside string literals: `item_id` always becomes a string; any integer
 * beyond 2^53 becomes a string when it is an id-shaped key's value or an array element (id lists
 * such as `video_list`), so no id loses digits; small numeric ids such as industry ids (11 digits)
 * stay numbers, as the schemas expect. `idKey` names the id-shaped keys of another upstream
 * (TikTok One spells them `hashtagID`, `itemID`).
 */
export function parseJsonKeepingIds(text: string, opts: { idKey?: RegExp } = {}): unknown {
  const idKey = opts.idKey ?? ID_KEY;
  let out = '';
  let copiedTo = 0;
  const containers: Array<'{' | '['> = [];
  let lastString = '';
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (c === ':') {
      key = lastString;
    } else if (c === '{' || c === '[') {
      containers.push(c);
    } else if (c === '}' || c === ']') {
      containers.pop();
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9eE.+-]/.test(text[j] as string)) j++;
      const token = text.slice(i, j);
      const inArray = containers.at(-1) === '[';
      const idValue = !inArray && idKey.test(key);
      const quote = /^-?[0-9]+$/.test(token) && ((!inArray && key === 'item_id') || ((idValue || inArray) && unsafeInteger(token)));
      if (quote) {
        out += `${text.slice(copiedTo, i)}"${token}"`;
        copiedTo = j;
      }
      i = j - 1;
    }
  }
  return JSON.parse(out + text.slice(copiedTo));
}
