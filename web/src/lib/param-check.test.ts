import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { formProblems, paramProblem } from './param-check.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });
const flagship = catalog.endpoints.find((e) => e.operationId === 'tiktok-popular-trend-hashtag')!;
const param = (name: string) => flagship.params.find((p) => p.name === name)!;

describe('paramProblem', () => {
  it('accepts an empty optional value: the param is then not sent', () => {
    expect(paramProblem(param('period'), '')).toBeNull();
  });
  it('names a value outside the enum, as a deep link may carry one', () => {
    expect(paramProblem(param('period'), '14')).toMatch(/^must be one of 7, 30, 120 \(got 14\)$/);
    expect(paramProblem(param('period'), '30')).toBeNull();
  });
  it('refuses a non-integer page but lets clamped params go out of range', () => {
    expect(paramProblem(param('page'), 'two')).toBe('must be a whole number');
    expect(paramProblem(param('page'), '0')).toBeNull();
  });
  it('reads Unicode patterns as the server does', () => {
    const detail = catalog.endpoints.find((e) => e.operationId === 'tiktok-popular-trend-hashtag-detail')!;
    const name = detail.params.find((p) => p.name === 'hashtag_name')!;
    expect(paramProblem(name, 'prom')).toBeNull();
    expect(paramProblem(name, 'café_2026')).toBeNull();
    expect(paramProblem(name, 'two words')).toBe('has the wrong format');
  });
  it('collects every problem of a form by param name', () => {
    expect(Object.keys(formProblems(flagship.params, { period: '14', page: 'x', limit: '5' }))).toEqual(['page', 'period']);
  });
});
