import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { type Logger, shorten } from '../../core/shared';
import type { SettingsStore, TenantSettings } from '../../core/settings';
import { expandCard } from '../teams/cardRender';
import type { KudosSubmission } from './actions';
import { kudosFormCard, type KudosFormData } from './kudosCards';
import type { MemberDirectory } from '../../core/people';
import { likelyPeople, type Choice } from './roster';

/** What the giver typed or picked, carried back into the form when something is wrong. */
export interface KudosDraft {
  submissionId: string;
  recipientIds: string[];
  valueId: string;
  message: string;
  postToChannel: boolean;
  quote?: { author: string; text: string };
  /**
   * The delivery id of the milestone reminder these wishes answer (the form then asks for no
   * value). Only a claim: the submit checks it against the ledger before giving them as wishes.
   */
  reminderId?: string;
}

/** An empty draft, with a fresh submission id that every retry of its submit repeats. */
export function newDraft(prefill: Partial<KudosDraft> = {}): KudosDraft {
  return {
    submissionId: randomUUID(),
    recipientIds: [],
    valueId: '',
    message: '',
    postToChannel: true,
    ...prefill,
  };
}

/** Reads a submitted form (task module data or Action.Execute data) back into a draft. */
export function draftFromSubmission(data: KudosSubmission): KudosDraft {
  return {
    submissionId: data.submissionId || randomUUID(),
    recipientIds: (data.recipients ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    valueId: data.value ?? '',
    message: data.message ?? '',
    postToChannel: data.postToChannel === 'true',
    ...(data.quoteText ? { quote: { author: data.quoteAuthor ?? '', text: data.quoteText } } : {}),
    ...(data.reminderId ? { reminderId: data.reminderId } : {}),
  };
}

/** The values offered for new kudos: the tenant's, without retired ones. */
export function valueChoices(settings: TenantSettings): Choice[] {
  return settings.values.filter((v) => !v.retired).map((v) => ({ title: v.name, value: v.id }));
}

/** Plain text of a Teams message body (HTML), for quoting it in kudos. */
export function quotedText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return shorten(text, 280);
}

/** Builds the kudos form card for this conversation. */
export async function kudosForm(
  context: TurnContext,
  deps: MemberDirectory & { settings: SettingsStore; logger: Logger },
  options: {
    mode: KudosFormData['mode'];
    tenantId: string;
    giverId: string;
    settings: TenantSettings;
    draft: KudosDraft;
    offerChannel: boolean;
    error?: string;
    extraPeople?: Choice[];
  },
): Promise<Record<string, unknown>> {
  const people = await likelyPeople(context, deps, options.tenantId, options.giverId);
  for (const extra of options.extraPeople ?? []) {
    if (!people.some((p) => p.value === extra.value)) people.unshift(extra);
  }
  const { draft } = options;
  return expandCard(kudosFormCard, {
    mode: options.mode,
    submissionId: draft.submissionId,
    people,
    recipients: draft.recipientIds.join(','),
    values: valueChoices(options.settings),
    value: draft.valueId,
    message: draft.message,
    offerChannel: options.offerChannel,
    postToChannel: draft.postToChannel ? 'true' : 'false',
    quoteAuthor: draft.quote?.author ?? '',
    quoteText: draft.quote?.text ?? '',
    reminderId: draft.reminderId ?? '',
    error: options.error ?? '',
  });
}

/** How the kudos form opened from a reminder or a digest starts its message, by what it was about. */
export function wishesOpening(kind: string, name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? name;
  switch (kind) {
    case 'kudos':
      return `Thank you, ${first}, for `;
    case 'birthday':
      return `Happy birthday, ${first}! `;
    case 'anniversary':
      return `Happy work anniversary, ${first}! Thank you for `;
    default:
      return `Welcome, ${first}! `;
  }
}
