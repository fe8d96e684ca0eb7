import {
  CardFactory,
  type MessagingExtensionAttachment,
  type MessagingExtensionResult,
  type TaskModuleTaskInfo,
} from 'botbuilder';
import type { Recognition } from '../../core/kudos';
import { cardAttachment } from '../teams/cardRender';
import { recognitionCard } from './kudosCards';
import { listNames, recognitionCardData } from './recognitionView';

// What the message extension answers Teams with: the form in a task module, the card for the
// compose box.

/** A message-extension result that inserts the recognition card into the compose box. */
export function composeResult(recognition: Recognition): MessagingExtensionResult {
  const attachment: MessagingExtensionAttachment = {
    ...cardAttachment(recognitionCard, recognitionCardData(recognition)),
    preview: CardFactory.thumbnailCard(
      `Kudos for ${listNames(recognition.recipients.map((r) => r.name))}`,
      `${recognition.value.name}: ${recognition.message}`,
    ),
  };
  return { type: 'result', attachmentLayout: 'list', attachments: [attachment] };
}

/** The kudos form in a task module. */
export function taskInfo(card: Record<string, unknown>): TaskModuleTaskInfo {
  return { title: 'Send kudos', width: 'medium', height: 'large', card: CardFactory.adaptiveCard(card) };
}
