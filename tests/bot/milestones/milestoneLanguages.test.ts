// The milestone job writes each message for its reader: the manager's reminder in the manager's
// language and zone, the channel post in the tenant's language, and the personal message in the
// person's own. The job runs as in the other milestone job tests, its cards rendered by the Teams
// notifier; the non-English catalogues may still be empty, but dates already follow the language.
import type { ConversationRecord, Messenger, MessengerResult, OutboundMessage } from '../../../core/delivery';
import { runMilestoneJob } from '../../../core/milestones';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import { TeamsMilestoneNotifier } from '../../../bot/milestones/notifier';
import { setup, T } from '../../support/milestoneJobWorld';

/** What arrived where, as the person there sees it: the card's texts or the message's text. */
class RecordingMessenger implements Messenger {
  readonly arrived: Array<{ to: string; shows: string }> = [];
  async send(conversation: ConversationRecord, message: OutboundMessage): Promise<MessengerResult> {
    this.arrived.push({
      to: conversation.conversationId,
      shows: message.card ? JSON.stringify(message.card) : (message.text ?? ''),
    });
    return { ok: true };
  }
}

/** The milestone world with the Teams notifier, `changes` made to its people and tenant. */
async function world(changes: { people?: Record<string, Partial<Person>>; tenantLanguage?: 'de' }) {
  const { deps, people, settings } = await setup();
  for (const [id, change] of Object.entries(changes.people ?? {})) {
    await people.save({ ...(await people.get(T, id))!, ...change });
  }
  if (changes.tenantLanguage) {
    await settings.saveTenant({
      ...defaultTenantSettings(T, 'UTC'),
      defaultLanguage: changes.tenantLanguage,
    });
  }
  const messenger = new RecordingMessenger();
  return { deps: { ...deps, notifier: new TeamsMilestoneNotifier(messenger) }, messenger };
}

describe('milestone messages in their reader’s language', () => {
  // Megan's birthday is Tuesday 16 March 2027; her manager is reminded three working days ahead,
  // on Thursday 11 March at 09:00 in the manager's own zone.
  it.each([
    ['Japanese', 'ja-JP', 'Asia/Tokyo', '2027-03-11T00:00:00Z', '3月16日火曜日（5 日後）'],
    ['German', 'de-DE', 'Europe/Berlin', '2027-03-11T08:00:00Z', 'Dienstag, 16. März, in 5 Tagen'],
  ])(
    'a %s manager’s reminder shows the day and how far off it is their way',
    async (_, locale, timeZone, at, when) => {
      const { deps, messenger } = await world({ people: { manager: { locale, timeZone } } });
      const report = await runMilestoneJob(deps, { now: new Date(at) });
      expect(report.sends.map((s) => `${s.kind} ${s.to} ${s.outcome}`)).toEqual(['reminder manager sent']);
      expect(messenger.arrived).toHaveLength(1);
      expect(messenger.arrived[0]?.to).toBe('a:m');
      expect(messenger.arrived[0]?.shows).toContain(when);
      expect(messenger.arrived[0]?.shows).not.toContain('Tuesday 16 March');
    },
  );

  it('the channel post is in the tenant’s language and the person’s own message in theirs', async () => {
    // Megan's fifth work anniversary is Sunday 14 March 2027, marked on Friday 12th.
    const { deps, messenger } = await world({
      people: { megan: { hireDate: '2022-03-14', birthday: undefined, locale: 'ja-JP' } },
      tenantLanguage: 'de',
    });
    await runMilestoneJob(deps, { now: new Date('2027-03-12T09:00:00Z') });
    const post = messenger.arrived.find((m) => m.to === 'kudos-channel');
    const personal = messenger.arrived.find((m) => m.to === 'a:megan');
    expect(post?.shows).toContain('Sonntag, 14. März');
    expect(personal?.shows).toContain('3月14日日曜日');
    expect(personal?.shows).not.toContain('Sonntag');
  });
});
