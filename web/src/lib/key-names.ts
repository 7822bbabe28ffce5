/** A name for a key created without one: "Default key" first, then "Key 2", "Key 3", … never a name in use. */
export function defaultKeyName(existing: readonly string[]): string {
  const taken = new Set(existing);
  if (!taken.has('Default key')) return 'Default key';
  for (let n = 2; ; n++) if (!taken.has(`Key ${n}`)) return `Key ${n}`;
}
