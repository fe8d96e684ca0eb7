import { useLinearQueries } from '../../../functions/dev/local/linearQueries';
import { queryEngines, type QueryEngine } from '../../support/queryEngine';

const { patched, original } = queryEngines();

const docs = Array.from({ length: 600 }, (_, i) => ({
  _rid: `rid${String(i).padStart(5, '0')}`,
  id: `doc-${i}`,
  tenantId: i % 3 === 0 ? 'tenant-a' : 'tenant-b',
  managerId: `m${i % 7}`,
  createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 28))).toISOString(),
  recipientIds: i % 4 === 0 ? [] : [`p${i % 11}`, `p${(i + 3) % 11}`],
  optional: i % 5 === 0 ? undefined : { note: i % 2 ? `n${i}` : undefined, n: i },
}));

const QUERIES = [
  'SELECT * FROM c WHERE c.tenantId = @t',
  'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND c.managerId = @m',
  'SELECT c.id, c.optional FROM c WHERE c.tenantId = @t ORDER BY c.createdAt DESC',
  'SELECT c.id, r FROM c JOIN r IN c.recipientIds WHERE r = @p',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.recipientIds, @p) AND c.createdAt >= @since',
  'SELECT TOP 5 c.id FROM c WHERE c.tenantId = @t ORDER BY c.createdAt',
];
const parameters = [
  { name: '@t', value: 'tenant-a' },
  { name: '@m', value: 'm3' },
  { name: '@p', value: 'p4' },
  { name: '@since', value: '2026-11-15' },
];

describe('the local Cosmos server with linear queries', () => {
  beforeAll(() => useLinearQueries());

  it.each(QUERIES)('answers %s exactly as the published engine does', (query) => {
    const expected = original(query).exec(docs, { parameters, compositeIndexes: [] });
    const actual = patched(query).exec(docs, { parameters, compositeIndexes: [] });
    expect(actual).toEqual(expected);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  });

  it('pages with the same continuation tokens', () => {
    const query = 'SELECT * FROM c WHERE c.tenantId = @t';
    const page = (engine: QueryEngine, continuation?: unknown) =>
      engine(query).exec(docs, { parameters, maxItemCount: 50, continuation });
    const first = page(patched);
    expect(first).toEqual(page(original));
    expect(page(patched, first.continuation)).toEqual(page(original, first.continuation));
  });

  it('builds query sources by pushing, not by copying the accumulator', () => {
    const code = patched('SELECT c.id, r FROM c JOIN r IN c.recipientIds WHERE r = @p').code;
    expect(code).not.toContain('[...$');
    expect(code).toContain('$.push(');
    expect(original('SELECT c.id FROM c').code).toContain('[...$');
  });
});
