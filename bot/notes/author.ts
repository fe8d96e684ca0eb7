import type { TurnContext } from 'botbuilder';
import { senderOf, tenantOf } from '../teams/conversationRecord';
import { conversationKindOf } from '../teams/turnContext';
import { translatorOf } from '../i18n/turnLanguage';
import type { Author } from './noteForm';

/** Who wrote a note: the sender of the activity, in its tenant, when Teams says both. */
export function authorOf(context: TurnContext): Author | undefined {
  const tenantId = tenantOf(context.activity);
  const authorId = senderOf(context.activity);
  return tenantId && authorId ? { tenantId, authorId } : undefined;
}

/**
 * The author of a note command typed in a personal chat. Elsewhere, or when the sender cannot be
 * told, it answers why nothing is shown and returns undefined.
 */
export async function personalAuthorOf(context: TurnContext): Promise<Author | undefined> {
  const t = translatorOf(context);
  if (conversationKindOf(context) !== 'personal') {
    await context.sendActivity(t.text('notes.private'));
    return undefined;
  }
  const author = authorOf(context);
  if (!author) await context.sendActivity(t.text('notes.notFromTeams'));
  return author;
}
