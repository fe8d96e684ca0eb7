import { silentLogger } from '../../core/shared';
import { CosmosDeliveryLedger } from '../../functions/cosmos/deliveryLedger';
import { deliverOnce } from '../../core/delivery';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { RecordingLogger } from '../support/fakes';

let cosmos: TestCosmos;
let ledger: CosmosDeliveryLedger;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  ledger = new CosmosDeliveryLedger(cosmos.database.container('deliveries'), silentLogger);
});
afterAll(async () => cosmos.close());

const tenantId = 'tenant-a';
const now = new Date('2027-03-11T09:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const lease = 10 * 60_000;

describe('CosmosDeliveryLedger', () => {
  it('refuses a duplicate claim of the same id', async () => {
    const first = await ledger.claim({
      tenantId,
      id: 'birthday:2027-03-14:megan:manager',
      kind: 'reminder',
      now,
      leaseMs: lease,
    });
    const second = await ledger.claim({
      tenantId,
      id: 'birthday:2027-03-14:megan:manager',
      kind: 'reminder',
      now,
      leaseMs: lease,
    });
    expect(first.outcome).toBe('claimed');
    expect(second.outcome).toBe('busy');
  });

  it('gives exactly one winner among concurrent claims', async () => {
    const id = 'digest:2027-W11:alex';
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ledger.claim({ tenantId, id, kind: 'digest', now, leaseMs: lease })),
    );
    expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'busy')).toHaveLength(19);
  });

  it('gives exactly one winner among concurrent take-overs of an expired claim', async () => {
    const id = 'celebration:2027-03-14:megan:channel';
    await ledger.claim({ tenantId, id, kind: 'celebration', now, leaseMs: lease });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        ledger.claim({ tenantId, id, kind: 'celebration', now: later(11), leaseMs: lease }),
      ),
    );
    expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
    expect((await ledger.get(tenantId, id))?.attempts).toBe(2);
  });

  it('marks sent, after which every claim is done', async () => {
    const id = 'anniversary:2027-03-14:megan:manager';
    await ledger.claim({ tenantId, id, kind: 'reminder', now, leaseMs: lease });
    await ledger.markSent(tenantId, id, later(1));
    const stored = await ledger.get(tenantId, id);
    expect(stored).toMatchObject({
      status: 'sent',
      sentAt: later(1).toISOString(),
      attempts: 1,
      kind: 'reminder',
    });
    expect(
      (await ledger.claim({ tenantId, id, kind: 'reminder', now: later(120), leaseMs: lease })).outcome,
    ).toBe('done');
  });

  it('keeps a permanent failure with its reason', async () => {
    const id = 'nudge:note-1:2027-03-11';
    await ledger.claim({ tenantId, id, kind: 'nudge', now, leaseMs: lease });
    await ledger.markFailed(tenantId, id, { reason: '403: the app was removed', permanent: true }, now);
    expect(await ledger.get(tenantId, id)).toMatchObject({
      status: 'failed',
      failure: { reason: '403: the app was removed', permanent: true },
    });
    expect(
      (await ledger.claim({ tenantId, id, kind: 'nudge', now: later(60), leaseMs: lease })).outcome,
    ).toBe('done');
  });

  it('keeps tenants apart: the same id in another tenant is a separate delivery', async () => {
    const id = 'digest:2027-W12:alex';
    expect((await ledger.claim({ tenantId, id, kind: 'digest', now, leaseMs: lease })).outcome).toBe(
      'claimed',
    );
    expect(
      (await ledger.claim({ tenantId: 'tenant-b', id, kind: 'digest', now, leaseMs: lease })).outcome,
    ).toBe('claimed');
    expect(await ledger.get('tenant-b', 'digest:2027-W11:alex')).toBeUndefined();
  });

  it('with deliverOnce, concurrent runs send a message exactly once', async () => {
    let sends = 0;
    const send = async () => {
      sends++;
      return { ok: true as const };
    };
    const request = { tenantId, id: 'digest:2027-W13:alex', kind: 'digest' as const, now };
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => deliverOnce(ledger, new RecordingLogger(), request, send)),
    );
    expect(sends).toBe(1);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(await deliverOnce(ledger, new RecordingLogger(), { ...request, now: later(60) }, send)).toBe(
      'already-done',
    );
  });

  it('keeps who a card was sent to and what it was about, and still reads entries stored without them', async () => {
    const subject = {
      type: 'reminder' as const,
      personId: 'megan',
      kind: 'birthday',
      date: '2027-03-14',
      occursOn: '2027-03-14',
      years: 3,
    };
    const send = async () => ({ ok: true as const });
    const request = { tenantId, id: 'birthday:2027-03-14:megan:alex', kind: 'reminder' as const, now };
    await deliverOnce(ledger, new RecordingLogger(), { ...request, recipientId: 'alex', subject }, send);
    expect(await ledger.get(tenantId, request.id)).toMatchObject({
      status: 'sent',
      recipientId: 'alex',
      subject,
    });
    await deliverOnce(ledger, new RecordingLogger(), { ...request, id: 'digest:2027-W01:alex' }, send);
    const older = await ledger.get(tenantId, 'digest:2027-W01:alex');
    expect(older?.status).toBe('sent');
    expect(older).not.toHaveProperty('recipientId');
    expect(older).not.toHaveProperty('subject');
  });

  it('reads back a brief shown to its reader, with the person it is about', async () => {
    const send = async () => ({ ok: true as const });
    const id = 'brief-shown:6b0e4c1a-0000-4000-8000-000000000001';
    const subject = { type: 'brief' as const, personId: 'megan' };
    await deliverOnce(
      ledger,
      new RecordingLogger(),
      { tenantId, id, kind: 'brief', now, recipientId: 'alex', subject },
      send,
    );
    expect(await ledger.get(tenantId, id)).toMatchObject({ kind: 'brief', recipientId: 'alex', subject });
  });
});
