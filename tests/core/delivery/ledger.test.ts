import { deliverOnce, deliveryId, type SendResult, SendGate } from '../../../core/delivery';
import { MemoryDeliveryLedger, RecordingLogger } from '../../support/fakes';

const tenantId = 'tenant-a';
const now = new Date('2027-03-11T09:00:00Z');
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

function counter(result: SendResult = { ok: true }) {
  const send = async () => {
    send.calls++;
    return result;
  };
  send.calls = 0;
  return send;
}

describe('deliverOnce', () => {
  it('sends once and records it; a rerun sends nothing', async () => {
    const ledger = new MemoryDeliveryLedger();
    const send = counter();
    const id = deliveryId('birthday', '2027-03-14', 'person-1', 'manager');
    expect(
      await deliverOnce(ledger, new RecordingLogger(), { tenantId, id, kind: 'reminder', now }, send),
    ).toBe('sent');
    expect(
      await deliverOnce(
        ledger,
        new RecordingLogger(),
        { tenantId, id, kind: 'reminder', now: minutesLater(60) },
        send,
      ),
    ).toBe('already-done');
    expect(send.calls).toBe(1);
    expect((await ledger.get(tenantId, id))?.status).toBe('sent');
  });

  it('leaves a fresh claim to its holder and takes over an expired one', async () => {
    const ledger = new MemoryDeliveryLedger();
    await ledger.claim({ tenantId, id: 'digest:2027-W11:m1', kind: 'digest', now, leaseMs: 600_000 });
    const send = counter();
    const request = { tenantId, id: 'digest:2027-W11:m1', kind: 'digest' as const };
    expect(await deliverOnce(ledger, new RecordingLogger(), { ...request, now: minutesLater(5) }, send)).toBe(
      'busy',
    );
    expect(send.calls).toBe(0);
    expect(
      await deliverOnce(ledger, new RecordingLogger(), { ...request, now: minutesLater(11) }, send),
    ).toBe('sent');
    expect(send.calls).toBe(1);
    expect((await ledger.get(tenantId, request.id))?.attempts).toBe(2);
  });

  it('records a permanent failure and never retries it', async () => {
    const ledger = new MemoryDeliveryLedger();
    const logger = new RecordingLogger();
    const send = counter({ ok: false, permanent: true, reason: '403 app removed from the chat' });
    const request = { tenantId, id: 'nudge:n1', kind: 'nudge' as const };
    expect(await deliverOnce(ledger, logger, { ...request, now }, send)).toBe('gave-up');
    expect(await deliverOnce(ledger, logger, { ...request, now: minutesLater(60) }, send)).toBe(
      'already-done',
    );
    expect(send.calls).toBe(1);
    expect((await ledger.get(tenantId, request.id))?.failure).toEqual({
      reason: '403 app removed from the chat',
      permanent: true,
      at: now.toISOString(),
    });
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'delivery failed' }),
    );
  });

  it('retries a transient failure on the next run', async () => {
    const ledger = new MemoryDeliveryLedger();
    const request = { tenantId, id: 'celebration:c1', kind: 'celebration' as const };
    await deliverOnce(
      ledger,
      new RecordingLogger(),
      { ...request, now },
      counter({ ok: false, permanent: false, reason: '503' }),
    );
    const retry = counter();
    expect(
      await deliverOnce(ledger, new RecordingLogger(), { ...request, now: minutesLater(60) }, retry),
    ).toBe('sent');
    expect(retry.calls).toBe(1);
  });
});

describe('deliverOnce through a gate', () => {
  it('puts one message at a time between its send and its mark, however many are under way', async () => {
    const ledger = new MemoryDeliveryLedger();
    const gate = new SendGate();
    const events: string[] = [];
    let inDoubt = 0;
    let most = 0;
    const deliveries = Array.from({ length: 6 }, (_, i) => {
      const id = deliveryId('digest', '2027-W11', `manager-${i}`);
      return deliverOnce(
        ledger,
        new RecordingLogger(),
        { tenantId, id, kind: 'digest', now, gate },
        async () => {
          inDoubt++;
          most = Math.max(most, inDoubt);
          events.push(`send ${i}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          // The previous message was marked before this one went out.
          if (i > 0)
            events.push(
              `${i - 1} was ${(await ledger.get(tenantId, deliveryId('digest', '2027-W11', `manager-${i - 1}`)))?.status}`,
            );
          inDoubt--;
          return i === 2 ? { ok: false, permanent: false, reason: 'HTTP 503' } : { ok: true };
        },
      );
    });
    expect(await Promise.all(deliveries)).toEqual(['sent', 'sent', 'failed', 'sent', 'sent', 'sent']);
    expect(most).toBe(1);
    expect(events.filter((e) => e.includes(' was '))).toEqual([
      '0 was sent',
      '1 was sent',
      '2 was failed',
      '3 was sent',
      '4 was sent',
    ]);
  });

  it('pauses after five transient failures in a row: the rest are deferred, unclaimed or released', async () => {
    const ledger = new MemoryDeliveryLedger();
    let clock = 0;
    const gate = new SendGate({ clock: () => clock });
    const down = counter({ ok: false, permanent: false, reason: 'HTTP 502' });
    const attempt = (i: number) =>
      deliverOnce(
        ledger,
        new RecordingLogger(),
        { tenantId, id: deliveryId('digest', '2027-W11', `m-${i}`), kind: 'digest', now, gate },
        down,
      );
    // Eight under way at once: five are tried and fail, the three queued behind them are released.
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(i)));
    expect(outcomes).toEqual([...Array(5).fill('failed'), ...Array(3).fill('deferred')]);
    expect(down.calls).toBe(5);
    expect((await ledger.get(tenantId, deliveryId('digest', '2027-W11', 'm-7')))?.status).toBe('failed');
    // While paused nothing is claimed at all.
    expect(await attempt(8)).toBe('deferred');
    expect(await ledger.get(tenantId, deliveryId('digest', '2027-W11', 'm-8'))).toBeUndefined();
    // After the pause one more failure pauses again; a success resumes.
    clock += 5 * 60_000;
    expect(await attempt(9)).toBe('failed');
    expect(gate.paused).toBe(true);
    clock += 5 * 60_000;
    const up = counter();
    expect(
      await deliverOnce(
        ledger,
        new RecordingLogger(),
        {
          tenantId,
          id: deliveryId('digest', '2027-W11', 'm-7'),
          kind: 'digest',
          now: minutesLater(60),
          gate,
        },
        up,
      ),
    ).toBe('sent');
    expect(gate.paused).toBe(false);
  });

  it('a permanent failure (the app removed for one person) does not count towards a pause', async () => {
    const gate = new SendGate();
    for (let i = 0; i < 10; i++) gate.note('permanent-failure');
    expect(gate.paused).toBe(false);
    for (let i = 0; i < 4; i++) gate.note('transient-failure');
    gate.note('sent');
    gate.note('transient-failure');
    expect(gate.paused).toBe(false);
  });

  it('lets the next message go when a send throws', async () => {
    const gate = new SendGate();
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('leases by the process clock: a claim left by a run dated in the future expires on real time', async () => {
    const ledger = new MemoryDeliveryLedger();
    const id = deliveryId('digest', '2027-W20', 'm1');
    const future = new Date('2027-05-17T09:00:00Z');
    // A run as of a future --at crashes between its claim and its mark.
    await expect(
      deliverOnce(
        ledger,
        new RecordingLogger(),
        { tenantId, id, kind: 'digest', now: future, clock: () => now },
        () => Promise.reject(new Error('process killed')),
      ),
    ).rejects.toThrow('process killed');
    expect((await ledger.get(tenantId, id))?.claimedAt).toBe(now.toISOString());
    // The real run after the lease takes the claim over and sends.
    const send = counter();
    const later = minutesLater(11);
    expect(
      await deliverOnce(
        ledger,
        new RecordingLogger(),
        { tenantId, id, kind: 'digest', now: later, clock: () => later },
        send,
      ),
    ).toBe('sent');
    expect(send.calls).toBe(1);
  });
});

describe('deliveryId', () => {
  it('joins its parts', () => {
    expect(deliveryId('digest', '2027-W11', 'm1')).toBe('digest:2027-W11:m1');
  });

  it('refuses characters Cosmos DB ids cannot hold, and empty parts', () => {
    expect(() => deliveryId('a/b')).toThrow(/free of/);
    expect(() => deliveryId('a', '')).toThrow(/non-empty/);
    expect(() => deliveryId('a#1')).toThrow(/free of/);
  });
});
