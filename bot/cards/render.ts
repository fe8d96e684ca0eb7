import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card JSON template whose data is `T`. */
export interface CardTemplate<T> {
  readonly name: string;
  readonly json: object;
  /** Phantom: ties the template to its data type at compile time. */
  readonly data?: T;
}

/** Declares a template with its typed data, e.g. `declareCard<HelpCardData>('help', json)`. */
export function declareCard<T>(name: string, json: object): CardTemplate<T> {
  return { name, json };
}

/**
 * Expands a template with `data`. Fails loudly when the template refers to data that is not there
 * (adaptivecards-templating would otherwise leave `${x}` in the card for users to see).
 * User text is bound as data, so it can never add card structure.
 */
export function expandCard<T>(template: CardTemplate<T>, data: T): Record<string, unknown> {
  const engine = new ACData.Template(template.json);
  const card = engine.expand({ $root: data }) as Record<string, unknown>;
  const warnings = engine.getLastTemplateExpansionWarnings();
  if (warnings.length > 0) {
    throw new Error(`Card "${template.name}" did not expand cleanly: ${warnings.join('; ')}`);
  }
  return card;
}

/** The card as a message attachment. */
export function cardAttachment<T>(template: CardTemplate<T>, data: T): Attachment {
  return CardFactory.adaptiveCard(expandCard(template, data));
}
