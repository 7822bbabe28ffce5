import { describe, expect, it } from 'vitest';
import { SNIPPET_LANGUAGES, snippet } from './snippets.js';

const URL_ = 'http://localhost:8080/api/v1/tiktok/popular-trend/hashtag?page=1&period=7';

describe('snippets', () => {
  it('lists the raw-HTTP languages with cURL first (TypeScript uses the typed client)', () => {
    expect(SNIPPET_LANGUAGES.map((l) => l.label)).toEqual([
      'cURL', 'HTTPie', 'wget', 'JavaScript fetch', 'Node.js', 'Python requests', 'Python httpx', 'Go', 'Ruby', 'PHP',
      'Java', 'C#', 'Kotlin', 'Rust', 'Swift', 'PowerShell',
    ]);
  });

  it.each(SNIPPET_LANGUAGES.map((l) => [l.label, l.id]))('%s names the endpoint and the key placeholder', async (_label, id) => {
    const text = await snippet(id, URL_);
    expect(text).toContain('popular-trend/hashtag');
    expect(text).toContain('<api-key>');
    expect(text).toContain('x-api-key');
    expect(text).not.toMatch(/tl_live_/);
  });

  it('keeps the query in the cURL line', async () => {
    expect(await snippet('curl', URL_)).toContain('page=1');
  });
});
