import { describe, expect, it } from 'vitest';
import { parseJsonKeepingIds } from '../../src/upstream/creative-center/json.js';

describe('parseJsonKeepingIds', () => {
  it('keeps a 19-digit item_id exact as a string', () => {
    const parsed = parseJsonKeepingIds('{"related_items":[{"item_id":7562659435622010123,"cover_uri":"x"}]}');
    expect(parsed).toEqual({ related_items: [{ item_id: '7562659435622010123', cover_uri: 'x' }] });
  });

  it('quotes item_id even when small, with whitespace around the colon', () => {
    expect(parseJsonKeepingIds('{"item_id" : 12 }')).toEqual({ item_id: '12' });
  });

  it('quotes other id fields only above 2^53', () => {
    const parsed = parseJsonKeepingIds('{"id":22000000000,"material_id":7631130810943897607,"parent_id":9007199254740991}');
    expect(parsed).toEqual({ id: 22000000000, material_id: '7631130810943897607', parent_id: 9007199254740991 });
  });

  it('leaves digits inside string values alone', () => {
    const text = '{"title":"see \\"item_id\\":7562659435622010123 here","n":1}';
    expect(parseJsonKeepingIds(text)).toEqual({ title: 'see "item_id":7562659435622010123 here', n: 1 });
  });

  it('leaves non-id numbers and floats alone', () => {
    expect(parseJsonKeepingIds('{"video_views":7562659435622010123,"ctr":0.5,"id":1.5}')).toEqual({
      video_views: 7562659435622010000,
      ctr: 0.5,
      id: 1.5,
    });
  });

  it('throws on malformed JSON', () => {
    expect(() => parseJsonKeepingIds('{"code":0,')).toThrow();
  });
});
