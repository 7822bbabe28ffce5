import { describe, expect, it } from 'vitest';
import { splitFieldErrors } from './form-errors.js';

describe('splitFieldErrors', () => {
  it('puts errors of shown fields beside them and says the rest above the form', () => {
    expect(splitFieldErrors({ url: 'must use http or https, not ftp', body: 'is invalid' }, ['url'])).toEqual({
      inline: { url: 'must use http or https, not ftp' },
      rest: 'Please check: body is invalid.',
    });
    expect(splitFieldErrors({ name: 'is required' }, ['name'])).toEqual({ inline: { name: 'is required' }, rest: null });
  });
});
