import type { TurnContext } from 'botbuilder';
import { cardAttachment } from '../teams/cardRender';
import { helpCard } from './helpCard';
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
