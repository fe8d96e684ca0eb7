import { runFollowUpJob } from '../../../core/notes';
import { note, setup, T } from '../../support/followUpJobWorld';

// A note marked "Bring this up at our next 1:1" that no 1:1 raised (the brief clears the mark when
// it shows it) comes back as a nudge once, 14 days after it was marked, at the author's send hour.
describe('the follow-up job and notes marked for the next 1:1', () => {
  it('a note still marked for the next 1:1 after 14 days comes back once, in its own ledger entry', async () => {
    const { notes, notifier, deliveries, run } = await setup();
    // Marked on 2 March in Tokyo, with a follow-up date of its own on the same day it comes due.
    await notes.save(note('n1', 'tokyo', '2027-03-16', { nextOneOnOneSince: '2027-03-02' }));
    await notes.save(
      note('raised', 'tokyo', '2027-04-30', { nextOneOnOneSince: '2027-03-02', status: 'done' }),
    );
    // 13 days on, and every hour until 09:00 in Tokyo on the 14th day: nothing about the 1:1.
    for (let t = Date.parse('2027-03-15T00:00:00Z'); t < Date.parse('2027-03-16T00:00:00Z'); t += 3_600_000) {
      await run(new Date(t).toISOString());
    }
    expect(notifier.sent).toEqual([]);
    const due = await run('2027-03-16T00:00:00Z'); // 09:00 JST on 16 March
    expect(due.sends).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ deliveryId: 'nudge:n1:2027-03-16', kind: 'followUp', outcome: 'sent' }),
        expect.objectContaining({
          deliveryId: 'oneOnOne:n1:2027-03-02',
          kind: 'oneOnOne',
          followUpOn: '2027-03-16',
          outcome: 'sent',
        }),
      ]),
    );
    expect(due.sends).toHaveLength(2);
    expect(notifier.sent).toEqual([
      { to: 'tokyo', noteId: 'n1' },
      { to: 'tokyo', noteId: 'n1', kind: 'oneOnOne' },
    ]);
    expect(await deliveries.get(T, 'oneOnOne:n1:2027-03-02')).toMatchObject({
      status: 'sent',
      recipientId: 'tokyo',
      subject: { type: 'note', noteId: 'n1' },
    });
    // Still marked afterwards: the ledger keeps it to once, whatever runs again.
    await notes.save({ ...(await notes.get(T, 'tokyo', 'n1'))!, followUpOn: '2027-05-01' });
    await run('2027-03-16T00:00:00Z');
    await run('2027-03-16T01:00:00Z');
    await run('2027-03-17T00:00:00Z');
    expect(notifier.sent.filter((s) => s.kind === 'oneOnOne')).toHaveLength(1);
  });

  it('two overlapping runs bring a 1:1 note back once', async () => {
    const { notes, notifier, deps } = await setup();
    await notes.save(note('n1', 'london', '2027-05-01', { nextOneOnOneSince: '2027-03-02' }));
    await Promise.all([
      runFollowUpJob(deps, { now: new Date('2027-03-16T09:00:00Z') }),
      runFollowUpJob(deps, { now: new Date('2027-03-16T09:01:00Z') }),
    ]);
    expect(notifier.sent).toEqual([{ to: 'london', noteId: 'n1', kind: 'oneOnOne' }]);
  });
});
