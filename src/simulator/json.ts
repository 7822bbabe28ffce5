/** A JSON integer too large for a JS number, kept as its digits and written raw (docs/upstreams.md § Envelope and pagination). */
export class RawInt {
  constructor(readonly digits: string) {
    if (!/^[0-9]+$/.test(digits)) throw new Error(`not an integer: ${digits}`);
  }
  toJSON(): string {
    return `${MARK}${this.digits}${MARK}`;
  }
}

const MARK = '\u0001rawint\u0001';
const MARKED = /"\\u0001rawint\\u0001([0-9]+)\\u0001rawint\\u0001"/g;

/** JSON text in which every RawInt appears as a bare number, never passed through a JS number. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(MARKED, '$1');
}
