/** The bot's commands the tab opens its chat with (their English words work in every language). */
export type BotCommand = 'brief' | 'kudos' | 'note';

/** A Teams deep link to the bot's personal chat with `<command> <name>` typed in the compose box. */
export function botChatLink(botId: string, command: BotCommand, name: string): string {
  const params = new URLSearchParams({ users: `28:${botId}`, message: `${command} ${name}` });
  return `https://teams.microsoft.com/l/chat/0/0?${params.toString().replace(/\+/g, '%20')}`;
}
