import { deliveredTo, personOfDelivery } from '../../../core/delivery';
import { nudgeDeliveryId } from '../../../core/nudges';
import { MemoryDeliveryLedger } from '../../support/fakes';

// A nudge's Send kudos button names its delivery and a person: the person must be one the nudge
// listed, and the caller the person it was sent to.
describe('a nudge’s Send kudos', () => {
  const id = nudgeDeliveryId('2027-W11', 'sam');

  async function sentNudge() {
    const ledger = new MemoryDeliveryLedger();
    await ledger.claim({
      tenantId: 't',
      id,
      kind: 'nudge',
      now: new Date('2027-03-15T08:00:00Z'),
      leaseMs: 60_000,
      recipientId: 'sam',
      subject: { type: 'nudge', personIds: ['megan', 'lee'] },
    });
    return ledger;
  }

  it('acts for the person it was sent to, on a person it listed', async () => {
    const ledger = await sentNudge();
    const delivery = await deliveredTo(ledger, {
      tenantId: 't',
      deliveryId: id,
      callerId: 'sam',
      types: ['nudge'],
    });
    expect(delivery && personOfDelivery(delivery, 'lee')).toBe('lee');
    expect(delivery && personOfDelivery(delivery, 'adele')).toBeUndefined();
  });

  it('does nothing for anyone else', async () => {
    const ledger = await sentNudge();
    expect(
      await deliveredTo(ledger, { tenantId: 't', deliveryId: id, callerId: 'megan', types: ['nudge'] }),
    ).toBeUndefined();
  });
});
