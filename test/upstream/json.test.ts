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

describe('parseJsonKeepingIds on id lists and nesting', () => {
  it('keeps ids beyond 2^53 in arrays exact (keyword video_list)', () => {
    expect(parseJsonKeepingIds('{"video_list":[7630000000000000001,7630000000000000002],"post":3}')).toEqual({
      video_list: ['7630000000000000001', '7630000000000000002'],
      post: 3,
    });
  });

  it('leaves small numbers in arrays alone', () => {
    expect(parseJsonKeepingIds('{"highlight":[3,7],"trend":[{"time":1776729600,"value":1}]}')).toEqual({
      highlight: [3, 7],
      trend: [{ time: 1776729600, value: 1 }],
    });
  });

  it('reads a key correctly after a nested object closes', () => {
    expect(parseJsonKeepingIds('{"a":{"id":1},"item_id":5,"b":[{"material_id":7631130810943897607}]}')).toEqual({
      a: { id: 1 },
      item_id: '5',
      b: [{ material_id: '7631130810943897607' }],
    });
  });

  it('handles escaped quotes and backslashes in strings before an id', () => {
    expect(parseJsonKeepingIds('{"t":"a\\\\","item_id":9}')).toEqual({ t: 'a\\', item_id: '9' });
  });
});
