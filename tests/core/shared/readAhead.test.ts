import { readAhead } from '../../../core/shared';

/** A loader that records the batches it was asked for and answers each item doubled. */
function loader(fail: (batch: number[]) => boolean = () => false) {
  const loaded: number[][] = [];
  const load = async (batch: number[]) => {
    loaded.push(batch);
    if (fail(batch)) throw new Error(`could not read ${batch.join(',')}`);
    return batch.map((n) => n * 2);
  };
  return { loaded, load };
}

const items = Array.from({ length: 23 }, (_, i) => i);

describe('readAhead', () => {
  it('answers every item in order, loading each batch once, ahead of the item asked for', async () => {
    const { loaded, load } = loader();
    const get = readAhead(items, { batchSize: 10, ahead: 1 }, load);

    expect(await get(0)).toBe(0);
    // The first batch and the one after it, nothing further yet.
    expect(loaded).toEqual([items.slice(0, 10), items.slice(10, 20)]);

    const rest = [];
    for (let i = 1; i < items.length; i++) rest.push(await get(i));
    expect(rest).toEqual(items.slice(1).map((n) => n * 2));
    expect(loaded).toEqual([items.slice(0, 10), items.slice(10, 20), items.slice(20)]);
  });

  it('reports a failed batch to whoever asks for its items only', async () => {
    const { load } = loader((batch) => batch.includes(10));
    const get = readAhead(items, { batchSize: 10, ahead: 2 }, load);

    expect(await get(9)).toBe(18);
    await expect(get(10)).rejects.toThrow('could not read 10');
    expect(await get(20)).toBe(40);
  });

  it('leaves a batch read ahead that failed unreported when nobody asks for it', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const { load } = loader((batch) => batch.includes(10));
      const get = readAhead(items, { batchSize: 10, ahead: 1 }, load);
      expect(await get(0)).toBe(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('refuses an index outside the items', async () => {
    const get = readAhead(items, { batchSize: 10, ahead: 1 }, loader().load);
    await expect(get(23)).rejects.toThrow(RangeError);
  });
});
