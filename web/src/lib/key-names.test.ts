import { describe, expect, it } from 'vitest';
import { defaultKeyName } from './key-names.js';

describe('defaultKeyName', () => {
  it('names the first key "Default key" and later ones by number, skipping names in use', () => {
    expect(defaultKeyName([])).toBe('Default key');
    expect(defaultKeyName(['Default key'])).toBe('Key 2');
    expect(defaultKeyName(['Default key', 'Key 2', 'prod'])).toBe('Key 3');
  });
});
