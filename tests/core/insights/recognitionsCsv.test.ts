import { parse } from 'csv-parse/sync';
import { csvCell, parseExportRange, recognitionsCsv, toCsv } from '../../../core/insights';
import { insightsWorld, kudos, person } from './insightsWorld';

const adm = person('adm', { displayName: 'Ada Admin', timeZone: 'Europe/Berlin' });
const ann = person('ann', { displayName: 'Ann "Annie" Vance' });
const bob = person('bob', { displayName: 'Bob, Gu' });

describe('the recognitions export', () => {
  it('writes one row per kudos of the range, oldest first, text only where it may travel', async () => {
    const w = insightsWorld([adm, ann, bob], { adminIds: ['adm'] });
    // 23:30 UTC on 14 March is 15 March in Berlin, the admin's zone: inside the range.
    await w.recognitions.create(
      kudos(ann, [bob, adm], '2027-03-14T23:30:00.000Z', {
        place: { kind: 'channel', conversationId: '19:c', teamId: 't', channelId: '19:c' },
        message: '=HYPERLINK("http://evil.example","click")',
        celebrations: [
          { id: 'adm', name: 'Ada Admin', at: '2027-03-15T08:00:00.000Z' },
          { id: 'bob', name: 'Bob, Gu', at: '2027-03-15T09:00:00.000Z' },
        ],
      }),
    );
    // Said in a chat, the giver kept the words there: no text, though the admin received it.
    await w.recognitions.create(
      kudos(bob, [adm], '2027-03-16T10:00:00.000Z', { message: 'just between us', managerMaySee: false }),
    );
    // Said in a chat, the giver let managers see it: the text travels.
    await w.recognitions.create(
      kudos(adm, [ann], '2027-03-17T10:00:00.000Z', {
        message: 'line one\nline two',
        managerMaySee: true,
        place: { kind: 'groupChat', conversationId: '19:g' },
      }),
    );
    // Outside the range, on either side in Berlin.
    await w.recognitions.create(kudos(ann, [bob], '2027-03-14T22:30:00.000Z'));
    await w.recognitions.create(kudos(ann, [bob], '2027-03-17T23:30:00.000Z'));

    const csv = await recognitionsCsv(w.deps, await w.viewer('adm'), {
      from: '2027-03-15',
      to: '2027-03-17',
    });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv)).toEqual([
      ['date', 'giver', 'recipients', 'value', 'place', 'text', 'celebrations'],
      [
        '2027-03-15',
        'Ann "Annie" Vance',
        'Bob, Gu; Ada Admin',
        'Teamwork',
        'channel',
        `'=HYPERLINK("http://evil.example","click")`,
        '2',
      ],
      ['2027-03-16', 'Bob, Gu', 'Ada Admin', 'Teamwork', 'personal', '', '0'],
      ['2027-03-17', 'Ada Admin', 'Ann "Annie" Vance', 'Teamwork', 'groupChat', 'line one\nline two', '0'],
    ]);
    expect(csv).not.toContain('just between us');
  });

  it('quotes cells as RFC 4180 asks and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const formula of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(parse(toCsv([[formula]]))).toEqual([[`'${formula}`]]);
    }
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });
});

describe('the export range', () => {
  it('takes real dates, from not after to, at most 366 days', () => {
    expect(parseExportRange({ from: '2027-01-01', to: '2027-03-31' })).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
    });
    expect(parseExportRange({ from: '2027-03-01', to: '2027-03-01' })).toBeDefined();
    expect(parseExportRange({ from: '2028-01-01', to: '2028-12-31' })).toBeDefined();
    for (const raw of [
      {},
      { from: '2027-01-01' },
      { from: '2027-03-02', to: '2027-03-01' },
      { from: '2027-01-01', to: '2028-01-02' },
      { from: '2027-02-30', to: '2027-03-01' },
      { from: '2027-1-1', to: '2027-03-01' },
      { from: '2027-01-01T00:00', to: '2027-03-01' },
    ]) {
      expect(parseExportRange(raw)).toBeUndefined();
    }
  });
});
