import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { shareLink } from './share-link.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });
const hashtag = catalog.endpoints.find((e) => e.operationId === 'tiktok-popular-trend-hashtag')!;
const detail = catalog.endpoints.find((e) => e.operationId === 'tiktok-popular-trend-hashtag-detail')!;

describe('shareLink', () => {
  it('keeps catalog params only, non-empty, in catalog order', () => {
    const link = shareLink('http://h', hashtag, { period: '30', page: '2', limit: '', 'x-api-key': 'k', foo: 'bar' });
    expect(link).toEqual({ ok: true, url: 'http://h/playground/tiktok-popular-trend-hashtag?page=2&period=30' });
  });
  it('refuses a value shaped like an API key', () => {
    const link = shareLink('http://h', detail, { hashtag_name: `tl_live_${'a'.repeat(36)}` });
    expect(link.ok).toBe(false);
  });
  it('refuses a value the caller marks as its configured key', () => {
    const link = shareLink('http://h', detail, { hashtag_name: 'secret' }, (v) => v === 'secret');
    expect(link.ok).toBe(false);
  });
  it('encodes values', () => {
    const link = shareLink('http://h', detail, { hashtag_name: 'a b&c' });
    expect(link).toEqual({ ok: true, url: 'http://h/playground/tiktok-popular-trend-hashtag-detail?hashtag_name=a%20b%26c' });
  });
});
