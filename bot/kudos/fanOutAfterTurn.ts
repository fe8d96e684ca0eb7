import type { Activity } from 'botbuilder';
import {
  completeFanOut,
  recognitionChannelFor,
  type KudosService,
  type PendingFanOutDeps,
  type Recognition,
} from '../../core/kudos';
import type { ErasureRegister, PeopleDirectory } from '../../core/people';
import type { BackgroundWork } from '../../core/shared';
import { conversationRecordFrom } from '../teams/conversationRecord';
import type { Translator } from '../i18n/translator';
import { recognitionMessages } from './recognitionMessages';

/** What the kudos handlers need. */
export interface KudosDeps extends Omit<PendingFanOutDeps, 'messages'> {
  kudos: KudosService;
  people: PeopleDirectory;
  erasures: ErasureRegister;
  /** Where a recognition's fan-out runs once the turn has answered. */
  background: BackgroundWork;
  now: () => Date;
  defaultTimeZone: string;
}

/**
 * Starts a new recognition's fan-out (the channel post, the recipients' notices, the manager
 * copies) without waiting for it: a recipient whose chat is slow must not hold the giver past
 * Teams' time limits. The recognition was stored marked pending, so the hourly job completes a
 * fan-out this process did not finish; each send is claimed in the ledger, so nothing goes twice.
 * @param giver the turn's translator: a failed channel post is told to the giver in their language.
 * @returns the recognition channel the post is meant for, when the giver asked for one Moments can
 *   reach; if that post then fails, the giver is told in a follow-up message.
 */
export async function fanOutAfterTurn(
  deps: KudosDeps,
  activity: Activity,
  recognition: Recognition,
  giver: Translator,
): Promise<{ channelId?: string }> {
  const channelId = await plannedChannel(deps, recognition);
  // Read now: the turn's activity is not to be used once the turn has ended.
  const givenIn = conversationRecordFrom(activity);
  deps.background.run(
    'kudos fan-out',
    async () => {
      const report = await completeFanOut(
        { ...deps, messages: recognitionMessages },
        recognition,
        deps.now(),
      );
      if (channelId && report.channelMissed === channelId)
        await reportChannelMissed(deps, recognition, givenIn, giver);
    },
    { tenantId: recognition.tenantId, recognitionId: recognition.id },
  );
  return channelId ? { channelId } : {};
}

/** The recognition channel the post is meant for, when the giver asked for one Moments can reach. */
async function plannedChannel(deps: KudosDeps, recognition: Recognition): Promise<string | undefined> {
  if (!recognition.postToChannel) return undefined;
  const channelId = await recognitionChannelFor(deps.settings, recognition.tenantId, recognition.place);
  if (!channelId) return undefined;
  return (await deps.conversations.channel(recognition.tenantId, channelId)) ? channelId : undefined;
}

/**
 * The answer said the kudos would be in the recognition channel and the post did not go out: the
 * giver is told, in their chat with Moments, or else in the chat they gave the kudos in (not as a
 * new post in a channel).
 */
async function reportChannelMissed(
  deps: KudosDeps,
  recognition: Recognition,
  givenIn: ReturnType<typeof conversationRecordFrom>,
  t: Translator,
): Promise<void> {
  const { tenantId } = recognition;
  const chat =
    (await deps.conversations.personalChat(tenantId, recognition.giver.id)) ??
    (givenIn && givenIn.kind !== 'channel' ? { ...givenIn, updatedAt: deps.now().toISOString() } : undefined);
  if (!chat) return;
  const sent = await deps.messenger.send(chat, { text: t.text('kudos.sent.channelMissed') });
  if (!sent.ok) {
    deps.logger.warn('could not tell the giver that the channel post failed', {
      tenantId,
      recognitionId: recognition.id,
      reason: sent.reason,
    });
  }
}
