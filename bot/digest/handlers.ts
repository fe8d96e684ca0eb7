import { CardFactory } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { randomUUID } from 'node:crypto';
import { deliverOnce, deliveryId, type DeliveryLedger } from '../../core/delivery';
import { digestFor, digestPersonIds } from '../../core/digest';
import type { Logger } from '../../core/shared';
import { milestonePolicyFor } from '../../core/milestones';
import type { NoteStore } from '../../core/notes';
import type { PeopleDirectory } from '../../core/people';
import type { RecognitionStore } from '../../core/kudos';
import { tenantSettingsOf, type SettingsStore } from '../../core/settings';
import { digestCard } from './digestCards';
import { expandCard } from '../teams/cardRender';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf } from '../teams/turnContext';
import { digestCardData } from './wording';
import { translatorOf } from '../i18n/turnLanguage';
import { commandPattern } from '../i18n/commands';
import { commandWordsIn } from '../help/commands';

/** What `digest` needs. */
export interface DigestDeps {
  people: PeopleDirectory;
  recognitions: RecognitionStore;
  notes: NoteStore;
  settings: SettingsStore;
  /** Where the digest shown is recorded, with whom it was shown to and whom it lists. */
  deliveries: DeliveryLedger;
  logger: Logger;
  now: () => Date;
  defaultTimeZone: string;
}

/**
 * `digest` in the personal chat shows this week's digest now, as the weekly job would build it
 * (nothing is claimed, so the scheduled digest still goes out). Elsewhere it points to the
 * personal chat and shows nothing: the digest includes the manager's own follow-ups.
 */
export function registerDigest(app: Application<TurnState>, deps: DigestDeps): void {
  app.message(commandPattern('digest'), async (context) => {
    const t = translatorOf(context);
    if (conversationKindOf(context) !== 'personal') {
      await context.sendActivity(t.text('digest.private', { digest: commandWordsIn(t).digest }));
      return;
    }
    const tenantId = tenantOf(context.activity);
    const personId = senderOf(context.activity);
    const manager = tenantId && personId ? await deps.people.get(tenantId, personId) : undefined;
    if (!tenantId || !manager) {
      await context.sendActivity(t.text('digest.noReports'));
      return;
    }
    const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
    const digest = await digestFor(
      { ...deps, defaultTimeZone: settings.defaultTimeZone },
      manager,
      deps.now(),
      { policy: milestonePolicyFor(settings) },
    );
    if (!digest) {
      await context.sendActivity(t.text('digest.noReports'));
      return;
    }
    // Recorded like the weekly one, so that its buttons act only for this manager, on these people.
    const id = deliveryId('digest-shown', randomUUID());
    await deliverOnce(
      deps.deliveries,
      deps.logger,
      {
        tenantId,
        id,
        kind: 'digest',
        now: deps.now(),
        recipientId: manager.id,
        subject: { type: 'digest', managerId: manager.id, personIds: digestPersonIds(digest) },
      },
      async () => {
        await context.sendActivity({
          attachments: [CardFactory.adaptiveCard(expandCard(digestCard, digestCardData(digest, id, t)))],
        });
        return { ok: true };
      },
    );
  });
}
