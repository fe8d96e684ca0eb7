import {
  BadCursor,
  encodeCursor,
  parseRecognitionQuery,
  recognitionPage,
  shownText,
  type KudosItem,
  type RecognitionQuery,
} from '../../../core/insights';
import { insightsWorld, kudos, person } from './insightsWorld';

// Wednesday 17 March 2027, 10:00 UTC.
const NOW = new Date('2027-03-17T10:00:00Z');
const me = person('me', { displayName: 'Megan Bowen' });
const alex = person('alex', { displayName: 'Alex Wilber' });
const lee = person('lee', { displayName: 'Lee Gu' });
const daysAgo = (days: number, ms = 0) => new Date(NOW.getTime() - days * 86_400_000 - ms).toISOString();

async function everyPage(world: ReturnType<typeof insightsWorld>, query: Omit<RecognitionQuery, 'cursor'>) {
  const viewer = await world.viewer('me');
  const pages: KudosItem[][] = [];
  let cursor: string | undefined;
  do {
    const page = await recognitionPage(world.deps, viewer, { ...query, ...(cursor ? { cursor } : {}) }, NOW);
    pages.push(page.items);
    cursor = page.next;
    // What the tab sends back is what the API parses: the cursor survives the round trip.
    if (cursor) expect(parseRecognitionQuery({ period: query.period, cursor })?.cursor).toBe(cursor);
  } while (cursor && pages.length < 20);
  return pages;
}

describe('My recognition', () => {
  it('lists every kudos the viewer gave or received exactly once, newest first, in pages of 20', async () => {
    const world = insightsWorld([me, alex, lee]);
    const mine: string[] = [];
    for (let i = 0; i < 47; i++) {
      // Groups of three share an instant: pages must not split or repeat them.
      const at = daysAgo(Math.floor(i / 3) * 40);
      const k =
        i % 2 === 0
          ? kudos(alex, [me, lee], at)
          : kudos(me, [alex], at, { value: { id: 'growth', name: 'Growth' } });
      await world.recognitions.create(k);
      mine.push(k.id);
    }
    await world.recognitions.create(kudos(alex, [lee], daysAgo(1)));

    const pages = await everyPage(world, { period: 'all' });
    expect(pages.map((p) => p.length)).toEqual([20, 20, 7]);
    const ids = pages.flat().map((item) => item.id);
    expect(new Set(ids).size).toBe(47);
    expect([...ids].sort()).toEqual([...mine].sort());
    const shown = pages.flat();
    for (let i = 1; i < shown.length; i++) {
      expect(shown[i - 1]!.createdAt >= shown[i]!.createdAt).toBe(true);
    }
    // Kudos from more than a year back are on the last page: no cap on how far back.
    expect(pages[2]!.some((item) => item.createdAt < daysAgo(365 * 1.5))).toBe(true);
  });

  it('filters by value and period; counts cover every value of the period, totals follow the filter', async () => {
    const world = insightsWorld([me, alex, lee]);
    await world.recognitions.create(kudos(alex, [me], daysAgo(2)));
    await world.recognitions.create(kudos(lee, [me, alex], daysAgo(10)));
    await world.recognitions.create(
      kudos(me, [lee], daysAgo(20), { value: { id: 'growth', name: 'Growth' } }),
    );
    await world.recognitions.create(kudos(me, [me, alex], daysAgo(25)));
    await world.recognitions.create(kudos(alex, [me], daysAgo(60)));
    await world.recognitions.create(kudos(alex, [lee], daysAgo(3)));
    const viewer = await world.viewer('me');

    const month = await recognitionPage(world.deps, viewer, { period: '30d', valueId: 'teamwork' }, NOW);
    expect(month.items.map((i) => [i.createdAt, i.direction, i.value.name])).toEqual([
      [daysAgo(2), 'received', 'Teamwork'],
      [daysAgo(10), 'received', 'Teamwork'],
      // Gave it to themselves among others: it counts as received.
      [daysAgo(25), 'received', 'Teamwork'],
    ]);
    expect(month.next).toBeUndefined();
    expect(month.counts).toEqual([
      { value: { id: 'teamwork', name: 'Teamwork' }, received: 3, given: 1 },
      // Named as the tenant names it now, not as it was stored.
      { value: { id: 'growth', name: 'Learning & growth' }, received: 0, given: 1 },
    ]);
    expect(month.totals).toEqual({ received: 3, given: 1 });

    const ever = await recognitionPage(world.deps, viewer, { period: 'all' }, NOW);
    expect(ever.items).toHaveLength(5);
    expect(ever.totals).toEqual({ received: 4, given: 2 });
  });

  it('names the tenant’s current value name, the people on it, who celebrated, and where it was given', async () => {
    const world = insightsWorld([me, alex, lee], {
      values: [{ id: 'teamwork', name: 'Together' }],
    });
    await world.recognitions.create(
      kudos(alex, [me, lee], daysAgo(1), {
        place: { kind: 'channel', conversationId: '19:c', teamId: 't', channelId: '19:c' },
        celebrations: [
          { id: 'lee', name: 'Lee Gu', at: daysAgo(0) },
          { id: 'alex', name: 'Alex Wilber', at: daysAgo(0) },
        ],
      }),
    );
    const page = await recognitionPage(world.deps, await world.viewer('me'), { period: '30d' }, NOW);
    expect(page.items[0]).toMatchObject({
      giver: { id: 'alex', name: 'Alex Wilber' },
      recipients: [
        { id: 'me', name: 'Megan Bowen' },
        { id: 'lee', name: 'Lee Gu' },
      ],
      value: { id: 'teamwork', name: 'Together' },
      place: 'channel',
      text: 'thanks from Alex Wilber',
      celebratedBy: [
        { id: 'lee', name: 'Lee Gu' },
        { id: 'alex', name: 'Alex Wilber' },
      ],
    });
  });

  it('shows a chat kudos’ words to its giver and recipients only', async () => {
    const chat = kudos(alex, [me], daysAgo(1));
    expect(shownText(chat, 'me')).toBe('thanks from Alex Wilber');
    expect(shownText(chat, 'alex')).toBe('thanks from Alex Wilber');
    expect(shownText(chat, 'lee')).toBeUndefined();
    expect(shownText(chat)).toBeUndefined();
    expect(shownText({ ...chat, managerMaySee: true })).toBe('thanks from Alex Wilber');
    expect(shownText({ ...chat, postToChannel: true }, 'lee')).toBe('thanks from Alex Wilber');
  });
});

describe('the query of My recognition', () => {
  it('reads period, value and a cursor this API made', () => {
    const cursor = encodeCursor({ createdAt: '2027-03-01T10:00:00.000Z', id: 'k1' });
    expect(parseRecognitionQuery({ period: '90d', value: 'teamwork', cursor })).toEqual({
      period: '90d',
      valueId: 'teamwork',
      cursor,
    });
    expect(parseRecognitionQuery({})).toEqual({ period: 'all' });
  });

  it('refuses anything else, a forged cursor included', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const raw of [
      { period: '7d' },
      { period: 'all', value: '' },
      { period: 'all', value: 'x'.repeat(101) },
      { period: 'all', value: 'team work' },
      { period: 'all', cursor: 'not!base64' },
      { period: 'all', cursor: forged(['yesterday', 'k1']) },
      { period: 'all', cursor: forged({ createdAt: '2027-03-01T10:00:00Z', id: 'k1' }) },
      { period: 'all', cursor: forged(['2027-03-01T10:00:00Z', '']) },
      { period: 'all', cursor: 'A'.repeat(5000) },
    ]) {
      expect(parseRecognitionQuery(raw)).toBeUndefined();
    }
    const world = insightsWorld([me]);
    await expect(
      recognitionPage(world.deps, await world.viewer('me'), { period: 'all', cursor: 'bad' }, NOW),
    ).rejects.toBeInstanceOf(BadCursor);
  });
});
