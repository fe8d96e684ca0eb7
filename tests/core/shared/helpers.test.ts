import { chunks, inPool, stableJson } from '../../../core/shared';

describe('chunks', () => {
  it('cuts a list into runs of at most the size, in order', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
    expect(chunks(['a'], 0)).toEqual([['a']]);
  });
});

describe('stableJson', () => {
  it('is the same for objects whose keys were written in another order, nested too', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'x' } };
    const b = { a: { x: 'x', y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(stableJson(a)).toBe(stableJson(b));
    expect(stableJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":2,"q":1}]},"b":1}');
  });

  it('leaves out undefined fields and keeps array order', () => {
    expect(stableJson({ a: undefined, b: [2, 1] })).toBe('{"b":[2,1]}');
  });
});

describe('inPool', () => {
  it('keeps at most `size` in flight and the results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await inPool([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('starts nothing new after a failure, lets the ones in flight finish, then throws the error', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inPool([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await new Promise((resolve) => setTimeout(resolve, n === 1 ? 1 : 20));
      if (n === 1) throw new Error('item 1 failed');
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([2]);
  });
});
