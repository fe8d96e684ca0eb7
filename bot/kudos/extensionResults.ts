import {
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionResult,
  type TaskModuleTaskInfo,
} from 'botbuilder';
import type { Recognition } from '../../core/kudos';
import { cardAttachment } from '../teams/cardRender';
import type { Translator } from '../i18n/translator';
import { recognitionCard } from './kudosCards';
import { recognitionCardData, valueNameIn } from './recognitionView';

// What the message extension answers Teams with: the form in a task module, the card for the
// compose box.

/**
 * A message-extension result that inserts the recognition card into the compose box. The card is
 * read by everyone in the conversation, so it is written by `everyone` (the tenant's default
 * language); the preview only the giver sees, by `giver` (the turn's).
 */
export function composeResult(
  recognition: Recognition,
  everyone: Translator,
  giver: Translator,
): MessagingExtensionResult {
  const attachment: MessagingExtensionAttachment = {
    ...cardAttachment(recognitionCard, recognitionCardData(recognition, everyone)),
    preview: CardFactory.thumbnailCard(
      giver.text('kudos.card.previewTitle', { names: giver.list(recognition.recipients.map((r) => r.name)) }),
      giver.text('kudos.card.previewText', {
        value: valueNameIn(giver, recognition.value),
        message: recognition.message,
      }),
    ),
  };
  return { type: 'result', attachmentLayout: 'list', attachments: [attachment] };
}

/** The kudos form in a task module, titled in the giver's language. */
export function taskInfo(card: Record<string, unknown>, t: Translator): TaskModuleTaskInfo {
  return {
    title: t.text('kudos.form.dialogTitle'),
    width: 'medium',
    height: 'large',
    card: CardFactory.adaptiveCard(card),
  };
}
