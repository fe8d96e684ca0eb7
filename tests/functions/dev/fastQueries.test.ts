import { fastArrayContains, useFastQueries } from '../../../functions/dev/local/fastQueries';
import { useLinearQueries } from '../../../functions/dev/local/linearQueries';
import { queryEngines } from '../../support/queryEngine';

const { patched, original } = queryEngines();

const docs = Array.from({ length: 400 }, (_, i) => ({
  _rid: `rid${String(i).padStart(5, '0')}`,
  id: `doc-${i}`,
  // Some documents lack fields or hold other types, so AND and OR meet undefined operands.
  ...(i % 9 === 0 ? {} : { tenantId: i % 3 === 0 ? 'tenant-a' : 'tenant-b' }),
  ...(i % 13 === 0
    ? { createdAt: i }
    : { createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 28))).toISOString() }),
  recipientIds: i % 4 === 0 ? [] : [`p${i % 11}`, `p${(i + 3) % 11}`, ...(i % 7 === 0 ? [null, 3] : [])],
  celebrations: i % 5 === 0 ? [{ id: `p${i % 11}`, kind: 'birthday' }] : [],
  flag: i % 6 === 0 ? true : i % 6 === 1 ? false : undefined,
}));

const QUERIES = [
  'SELECT VALUE c.id FROM c WHERE c.tenantId = @t AND c.createdAt >= @since',
  'SELECT VALUE c.id FROM c WHERE c.tenantId = @t AND c.createdAt >= @since AND (ARRAY_CONTAINS(c.recipientIds, @p) OR ARRAY_CONTAINS(c.recipientIds, @q))',
  'SELECT VALUE c.id FROM c WHERE c.flag OR c.tenantId = @t',
  'SELECT VALUE c.id FROM c WHERE NOT (c.flag AND c.tenantId = @t)',
  'SELECT VALUE c.id FROM c WHERE (c.flag AND c.missing = 1) OR (c.flag OR c.missing = 1)',
  'SELECT c.id, c.flag AND c.tenantId = @t AS both, c.flag OR c.createdAt >= @since AS either FROM c',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.recipientIds, null) OR ARRAY_CONTAINS(c.recipientIds, 3)',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(@ids, c.id) AND ARRAY_CONTAINS(c.recipientIds, @p, true)',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.celebrations, { "id": @p }, true)',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.celebrations, { "id": @p })',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.missing, @p) OR ARRAY_CONTAINS(@ids, c.missing)',
  'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t AND ARRAY_CONTAINS(c.recipientIds, @p)',
  'SELECT c.id, r FROM c JOIN r IN c.recipientIds WHERE r = @p AND c.tenantId = @t',
  'SELECT TOP 5 c.id FROM c WHERE c.tenantId = @t OR c.flag ORDER BY c.createdAt DESC',
  // ORs of ARRAY_CONTAINS over one array, folded: scalars, null, a missing array, an object sought.
  'SELECT VALUE c.id FROM c WHERE c.tenantId = @t AND (ARRAY_CONTAINS(c.recipientIds, @p) OR ARRAY_CONTAINS(c.recipientIds, @q) OR ARRAY_CONTAINS(c.recipientIds, @n))',
  'SELECT VALUE c.id FROM c WHERE NOT (ARRAY_CONTAINS(c.missing, @p) OR ARRAY_CONTAINS(c.missing, @q))',
  'SELECT c.id, (ARRAY_CONTAINS(c.celebrations, @p) OR ARRAY_CONTAINS(c.celebrations, @o)) AS hit FROM c',
  'SELECT c.id, (ARRAY_CONTAINS(c.tenantId, @p) OR ARRAY_CONTAINS(c.tenantId, @q)) AS hit FROM c',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.recipientIds, @p) OR ARRAY_CONTAINS(c.recipientIds, @q) OR c.flag OR ARRAY_CONTAINS(c.celebrations, @o)',
  'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(@many, c.id) OR ARRAY_CONTAINS(@many, c.createdAt) OR ARRAY_CONTAINS(@many, c.missing)',
];
const parameters = [
  { name: '@t', value: 'tenant-a' },
  { name: '@p', value: 'p4' },
  { name: '@q', value: 'p7' },
  { name: '@since', value: '2026-11-15' },
  { name: '@ids', value: ['doc-3', 'doc-4', 'doc-8', 'doc-40'] },
  // Long enough to be looked up in a set; with a number, null and a string that is no id.
  { name: '@many', value: [...Array.from({ length: 30 }, (_, i) => `doc-${i * 7}`), 7, null, 'p4'] },
  { name: '@n', value: null },
  { name: '@o', value: { id: 'p4', kind: 'birthday' } },
];

describe('the local Cosmos server with fast queries', () => {
  beforeAll(() => {
    useLinearQueries();
    useFastQueries();
  });

  it.each(QUERIES)('answers %s exactly as the published engine does', (query) => {
    const expected = original(query).exec(docs, { parameters, compositeIndexes: [] });
    // Twice: the second run reuses the compiled query.
    for (let run = 0; run < 2; run++) {
      const actual = patched(query).exec(docs, { parameters, compositeIndexes: [] });
      expect(actual).toEqual(expected);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    }
  });

  it('stops AND and OR at a left side that decides them', () => {
    const code = patched('SELECT VALUE c.id FROM c WHERE c.a = 1 AND (c.b = 2 OR c.c = 3)').code;
    expect(code).toContain('($left = ');
    expect(code).toContain('=== false ? false : $h.and($left, ');
    expect(code).toContain('=== true ? true : $h.or($left, ');
    expect(original('SELECT VALUE c.id FROM c WHERE c.a = 1 AND c.b = 2').code).not.toContain('$left');
  });

  it('looks many parameters up in one array in one pass', () => {
    const query =
      'SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.recipientIds, @p) OR ARRAY_CONTAINS(c.recipientIds, @q) OR ARRAY_CONTAINS(c.recipientIds, @n)';
    expect(patched(query).code).toContain('$b.MOMENTS_ARRAY_CONTAINS_ANY(');
    expect(patched(query).code).not.toContain('$b.ARRAY_CONTAINS(');
    // Different arrays are left as they are.
    expect(
      patched('SELECT VALUE c.id FROM c WHERE ARRAY_CONTAINS(c.a, @p) OR ARRAY_CONTAINS(c.b, @q)').code,
    ).not.toContain('MOMENTS_ARRAY_CONTAINS_ANY');
  });

  it('looks scalars up directly and leaves everything else to the engine', () => {
    const general = jest.fn(() => 'general');
    const contains = fastArrayContains(general);
    expect(contains(['a', null, 3], 'a')).toBe(true);
    expect(contains(['a', null, 3], null)).toBe(true);
    expect(contains(['a', null, 3], 3, true)).toBe(true);
    expect(contains(['a', '3'], 3)).toBe(false);
    expect(contains([Number.NaN], Number.NaN)).toBe(false);
    expect(general).not.toHaveBeenCalled();
    expect(contains([{ id: 'a' }], { id: 'a' })).toBe('general');
    expect(contains('not an array', 'a')).toBe('general');
    expect(contains(['a'])).toBe('general');
    expect(contains(['a'], 'a', 'yes')).toBe('general');
  });
});
