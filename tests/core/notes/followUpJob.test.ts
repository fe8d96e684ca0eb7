import { SendGate } from '../../../core/delivery';
import { FOLLOW_UP_JOB, runFollowUpJob } from '../../../core/notes';
import { note, setup, T } from '../../support/followUpJobWorld';

describe('the follow-up job', () => {
  it('nudges each author at their own local send hour on the follow-up day, once', async () => {
    const { notes, notifier, run } = await setup();
    await notes.save(note('n-london', 'london', '2027-03-16'));
    await notes.save(note('n-tokyo', 'tokyo', '2027-03-16'));
    await notes.save(note('n-newyork', 'newyork', '2027-03-16'));
    await notes.save(note('n-nozone', 'nozone', '2027-03-16'));
    const sentAt: Record<string, string> = {};
    // Every hour from 15 March 12:00 UTC to 17 March 00:00 UTC.
    for (
      let t = Date.parse('2027-03-15T12:00:00Z');
      t <= Date.parse('2027-03-17T00:00:00Z');
      t += 3_600_000
    ) {
      const at = new Date(t).toISOString();
      const report = await run(at);
      for (const s of report.sends.filter((s) => s.outcome === 'sent')) sentAt[s.noteId] = at;
    }
    expect(sentAt).toEqual({
      'n-tokyo': '2027-03-16T00:00:00.000Z', // 09:00 JST
      'n-london': '2027-03-16T09:00:00.000Z', // 09:00 GMT
      'n-nozone': '2027-03-16T09:00:00.000Z', // the tenant's default zone, UTC
      'n-newyork': '2027-03-16T13:00:00.000Z', // 09:00 EDT (DST began 14 March)
    });
    expect(notifier.sent).toHaveLength(4);
    expect(notifier.sent.every((s) => `n-${s.to}` === s.noteId)).toBe(true);
  });

  it('uses the tenant’s send hour', async () => {
    const { notes, notifier, run } = await setup({ sendHour: 14 });
    await notes.save(note('n1', 'london', '2027-03-16'));
    await run('2027-03-16T09:00:00Z');
    expect(notifier.sent).toEqual([]);
    await run('2027-03-16T14:00:00Z');
    expect(notifier.sent.map((s) => s.noteId)).toEqual(['n1']);
  });

  it('claims each nudge as nudge:<noteId>:<followUpOn> and marks the note', async () => {
    const { notes, deliveries, run } = await setup();
    await notes.save(note('n1', 'london', '2027-03-16'));
    const report = await run('2027-03-16T09:00:00Z');
    expect(report.sends).toEqual([
      expect.objectContaining({ deliveryId: 'nudge:n1:2027-03-16', outcome: 'sent', authorId: 'london' }),
    ]);
    expect(await deliveries.get(T, 'nudge:n1:2027-03-16')).toMatchObject({
      status: 'sent',
      // What the nudge's buttons are checked against: sent to its author, about this note.
      recipientId: 'london',
      subject: { type: 'note', noteId: 'n1' },
    });
    expect((await notes.get(T, 'london', 'n1'))?.nudgedFor).toBe('2027-03-16');
  });

  it('a missed run catches up once; a rerun of the same hour sends nothing', async () => {
    const { notes, notifier, run } = await setup();
    await notes.save(note('n1', 'london', '2027-03-16'));
    await run('2027-03-16T07:00:00Z');
    // 08:00, 09:00 and 10:00 were missed; 11:00 covers them.
    const late = await run('2027-03-16T11:00:00Z');
    expect(late.sends.map((s) => s.outcome)).toEqual(['sent']);
    expect((await run('2027-03-16T11:00:00Z')).sends).toEqual([]);
    expect((await run('2027-03-16T12:00:00Z')).sends).toEqual([]);
    expect(notifier.sent).toHaveLength(1);
  });

  it('a run after a long outage does not reach back more than a day', async () => {
    const { notes, notifier, run, settings } = await setup();
    await settings.recordRun(T, FOLLOW_UP_JOB, new Date('2027-03-10T00:00:00Z'));
    await notes.save(note('old', 'london', '2027-03-14'));
    await notes.save(note('recent', 'london', '2027-03-16'));
    await run('2027-03-16T20:00:00Z');
    expect(notifier.sent.map((s) => s.noteId)).toEqual(['recent']);
  });

  it('two overlapping runs nudge once', async () => {
    const { notes, notifier, deps } = await setup();
    await notes.save(note('n1', 'london', '2027-03-16'));
    await Promise.all([
      runFollowUpJob(deps, { now: new Date('2027-03-16T09:00:00Z') }),
      runFollowUpJob(deps, { now: new Date('2027-03-16T09:01:00Z') }),
    ]);
    expect(notifier.sent).toHaveLength(1);
  });

  it('skips done notes, notes without a personal chat, and other days', async () => {
    const { notes, notifier, run } = await setup();
    await notes.save(note('done', 'london', '2027-03-16', { status: 'done' }));
    await notes.save(note('tomorrow', 'london', '2027-03-17'));
    await notes.save(note('nochat', 'stranger', '2027-03-16'));
    const report = await run('2027-03-16T09:00:00Z');
    expect(report.sends).toEqual([expect.objectContaining({ noteId: 'nochat', outcome: 'unreachable' })]);
    expect(notifier.sent).toEqual([]);
  });

  it('a dry run plans, sends nothing and records no run', async () => {
    const { notes, notifier, deliveries, settings, run } = await setup();
    await notes.save(note('n1', 'london', '2027-03-16'));
    const report = await run('2027-03-16T09:00:00Z', { dryRun: true });
    expect(report.sends.map((s) => s.outcome)).toEqual(['planned']);
    expect(notifier.sent).toEqual([]);
    expect(deliveries.deliveries.size).toBe(0);
    expect(await settings.lastRun(T, FOLLOW_UP_JOB)).toBeUndefined();
    expect((await run('2027-03-16T09:00:00Z')).sends.map((s) => s.outcome)).toEqual(['sent']);
  });

  it('a failed send is retried next hour and the run is not recorded until then', async () => {
    const { notes, notifier, settings, run } = await setup();
    await notes.save(note('n1', 'london', '2027-03-16'));
    notifier.result = { ok: false, permanent: false, reason: 'busy' };
    expect((await run('2027-03-16T09:00:00Z')).sends.map((s) => s.outcome)).toEqual(['failed']);
    expect(await settings.lastRun(T, FOLLOW_UP_JOB)).toBeUndefined();
    notifier.result = { ok: true };
    expect((await run('2027-03-16T10:00:00Z')).sends.map((s) => s.outcome)).toEqual(['sent']);
    expect(notifier.sent).toHaveLength(1);
  });

  it('a snoozed note comes back on its new date', async () => {
    const { notes, notifier, run } = await setup();
    await notes.save(note('n1', 'london', '2027-03-16'));
    await run('2027-03-16T09:00:00Z');
    const current = (await notes.get(T, 'london', 'n1'))!;
    await notes.save({ ...current, followUpOn: '2027-03-23' });
    await run('2027-03-23T09:00:00Z');
    expect(notifier.sent.map((s) => s.noteId)).toEqual(['n1', 'n1']);
  });

  it('stops trying after five transient failures in a row and leaves the rest to a later run', async () => {
    const { notes, notifier, deliveries, settings, run } = await setup();
    for (let i = 1; i <= 7; i++) await notes.save(note(`n${i}`, 'london', '2027-03-16'));
    notifier.result = { ok: false, permanent: false, reason: '503: ServiceError' };

    const report = await run('2027-03-16T09:00:00Z');

    expect(report.sends.map((s) => s.outcome)).toEqual([
      ...Array<string>(5).fill('failed'),
      'deferred',
      'deferred',
    ]);
    expect(notifier.tried).toBe(5);
    const deferred = report.sends.filter((s) => s.outcome === 'deferred').map((s) => s.deliveryId);
    for (const id of deferred) expect(await deliveries.get(T, id)).toBeUndefined();
    expect(await settings.lastRun(T, FOLLOW_UP_JOB)).toBeUndefined();
    // The next run has Teams back: every nudge goes out, once.
    notifier.result = { ok: true };
    const next = await run('2027-03-16T10:00:00Z');
    expect(next.sends.map((s) => s.outcome)).toEqual(Array<string>(7).fill('sent'));
    expect(notifier.sent.map((s) => s.noteId).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
  });

  it('sends nothing while the gate it shares with the other jobs is paused, and resumes after', async () => {
    let clock = 0;
    const gate = new SendGate({ clock: () => clock, pauseAfter: 1, pauseMs: 60_000 });
    // Another job of the process saw Teams fail.
    gate.note('transient-failure');
    const { notes, notifier, deliveries, settings, run } = await setup({ gate });
    await notes.save(note('n1', 'london', '2027-03-16'));

    const paused = await run('2027-03-16T09:00:00Z');
    expect(paused.sends.map((s) => s.outcome)).toEqual(['deferred']);
    expect(notifier.tried).toBe(0);
    expect(await deliveries.get(T, 'nudge:n1:2027-03-16')).toBeUndefined();
    expect(await notes.get(T, 'london', 'n1')).not.toHaveProperty('nudgedFor');
    expect(await settings.lastRun(T, FOLLOW_UP_JOB)).toBeUndefined();

    clock = 60_000;
    const resumed = await run('2027-03-16T10:00:00Z');
    expect(resumed.sends.map((s) => s.outcome)).toEqual(['sent']);
    expect(notifier.sent).toEqual([{ to: 'london', noteId: 'n1' }]);
    expect((await notes.get(T, 'london', 'n1'))?.nudgedFor).toBe('2027-03-16');
  });

  it('passes one nudge at a time through a shared gate, behind the other jobs’ sends', async () => {
    const gate = new SendGate();
    const { notes, notifier, deliveries, run } = await setup({ gate });
    await notes.save(note('n1', 'london', '2027-03-16'));
    // Another job's send holds the gate until it is recorded.
    let release: () => void = () => undefined;
    const otherJobSend = gate.run(() => new Promise<void>((resolve) => (release = resolve)));

    const running = run('2027-03-16T09:00:00Z');
    while (!(await deliveries.get(T, 'nudge:n1:2027-03-16'))) await new Promise((r) => setImmediate(r));
    // Claimed and queued at the gate: nothing reaches Teams before the other send is recorded.
    expect(notifier.tried).toBe(0);
    release();
    await otherJobSend;
    expect((await running).sends.map((s) => s.outcome)).toEqual(['sent']);
    expect(notifier.sent).toEqual([{ to: 'london', noteId: 'n1' }]);
  });
});
