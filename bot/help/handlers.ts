import type { TurnContext } from 'botbuilder';
import { cardAttachment } from '../teams/cardRender';
import { helpCard, suggestionCard } from './helpCard';
import { suggestCommand } from './suggestions';
import { commandsFor } from './commands';
import { conversationKindOf } from '../teams/turnContext';

/** Answers `help` with a card of the commands that work in this conversation. */
export async function sendHelp(context: TurnContext): Promise<void> {
  const kind = conversationKindOf(context);
  await context.sendActivity({
    attachments: [
      cardAttachment(helpCard, {
        intro:
          kind === 'personal'
            ? 'Type a command below. Everything you keep here, such as notes, stays private to you.'
            : 'Mention me with a command, for example "@Moments help".',
        sections: commandsFor(kind),
        footer: 'Moments helps you notice and celebrate the people you work with.',
      }),
    ],
  });
}

/**
 * Answers a message no command handled: "Did you mean …?" with a button that sends the command
 * when one is close to what was typed, else a pointer to help.
 */
export async function answerUnknownMessage(context: TurnContext): Promise<void> {
  const command = suggestCommand(context.activity.text ?? '', conversationKindOf(context));
  if (!command) {
    await context.sendActivity('I didn’t catch that. Type **help** to see what I can do.');
    return;
  }
  await context.sendActivity({
    attachments: [cardAttachment(suggestionCard, { command })],
    // What the chat list and notifications show for the card.
    summary: `Did you mean “${command}”?`,
  });
}
