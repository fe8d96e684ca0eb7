import { AdaptiveCard, SerializationContext } from 'adaptivecards';

/** KiB limits Teams puts on what carries a card. */
export const LIMITS = { messageExtensionResult: 28 * 1024, botMessage: 80 * 1024 };

/**
 * Problems the Adaptive Cards parser finds in `card`: parse errors and validation events
 * (duplicate ids, inputs without ids, unsupported versions). The parser wrongly reports a people
 * picker (Input.ChoiceSet with `choices.data`) as having no choices; exactly that case is allowed.
 */
export function cardProblems(card: Record<string, unknown>): string[] {
  const context = new SerializationContext();
  const parsed = new AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${event.message}`);
  }
  const peoplePickers = new Set(findIds(card, (e) => e.type === 'Input.ChoiceSet' && 'choices.data' in e));
  for (const event of parsed.validateProperties().validationEvents) {
    const isPickerQuirk =
      /choice/i.test(event.message) &&
      peoplePickers.has((event.source as { id?: string } | undefined)?.id ?? '');
    if (!isPickerQuirk) problems.push(`validate: ${event.message}`);
  }
  return problems;
}

/** Size of the card as sent, in bytes. */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

function findIds(
  node: unknown,
  match: (element: Record<string, unknown>) => boolean,
  found: string[] = [],
): string[] {
  if (Array.isArray(node)) node.forEach((n) => findIds(n, match, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (match(element) && typeof element.id === 'string') found.push(element.id);
    Object.values(element).forEach((v) => findIds(v, match, found));
  }
  return found;
}
