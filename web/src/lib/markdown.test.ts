import { describe, expect, it } from 'vitest';
import { blockHtml, inlineHtml } from './markdown.js';

describe('markdown', () => {
  it('renders backticks as code and emphasis as emphasis', () => {
    expect(inlineHtml('`data.errors` lists **every** field')).toBe('<code>data.errors</code> lists <strong>every</strong> field');
  });
  it('escapes raw HTML instead of interpreting it', () => {
    expect(inlineHtml('a <script>alert(1)</script> b')).toBe('a &lt;script&gt;alert(1)&lt;/script&gt; b');
    expect(blockHtml('<img src=x onerror=alert(1)>')).not.toContain('<img');
  });
  it('keeps safe links and drops script links to their text', () => {
    expect(inlineHtml('[docs](/docs/errors)')).toBe('<a href="/docs/errors">docs</a>');
    expect(inlineHtml('[x](javascript:alert(1))')).toBe('x');
  });
  it('renders lists as lists', () => {
    expect(blockHtml('- one\n- two')).toContain('<li>two</li>');
  });
});
