import type { TurnContext } from 'botbuilder';
import { cardAttachment } from '../teams/cardRender';
import { helpCard, suggestionCard } from './helpCard';
import { suggestCommand } from './suggestions';
import { commandsFor, commandWordsIn } from './commands';
import { conversationKindOf } from '../teams/turnContext';
import { translatorOf } from '../i18n/turnLanguage';

/** Answers `help` with a card of the commands that work in this conversation. */
export async function sendHelp(context: TurnContext): Promise<void> {
  const kind = conversationKindOf(context);
  const t = translatorOf(context);
  const { help } = commandWordsIn(t);
  await context.sendActivity({
    attachments: [
      cardAttachment(helpCard, {
        title: t.text('help.title'),
        intro: kind === 'personal' ? t.text('help.intro.personal') : t.text('help.intro.shared', { help }),
        sections: commandsFor(kind, t),
        footer: t.text('help.footer'),
      }),
    ],
  });
}

/**
 * Answers a message no command handled: "Did you mean …?" with a button that sends the command
 * when one is close to what was typed, else a pointer to help.
 */
export async function answerUnknownMessage(context: TurnContext): Promise<void> {
  const t = translatorOf(context);
  const command = suggestCommand(context.activity.text ?? '', conversationKindOf(context));
  if (!command) {
    await context.sendActivity({
      type: 'message',
      text: t.text('help.unknown', { help: commandWordsIn(t).help }),
      textFormat: 'plain',
    });
    return;
  }
  const { help } = commandWordsIn(t);
  const question = t.runs('help.didYouMean', { command });
  await context.sendActivity({
    attachments: [
      cardAttachment(suggestionCard, { question, orHelp: t.text('help.orHelp', { help }), command }),
    ],
    // What the chat list and notifications show for the card.
    summary: t.text('help.didYouMean', { command }),
  });
}
