import { type Attachment, CardFactory } from 'botbuilder';
import type * as ACData from 'adaptivecards-templating';

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
 * adaptivecards-templating reports a `$when` that is simply false as "Unable to parse …
 * set to false by default"; that is not a problem with the template, so it is not reported.
 */
const FALSE_WHEN = /The \$when condition has been set to false by default/;

/**
 * Parsed templates, one per card: parsing a template's expressions costs far more than binding
 * data to it, and a parsed template can be expanded again and again (expansion is synchronous).
 */
const parsed = new WeakMap<object, ACData.Template>();

/**
 * adaptivecards-templating, loaded when the first card is expanded rather than with the bot: with
 * adaptive-expressions and its ANTLR parser it is the largest thing a cold instance runs, and the
 * turns and timer runs that send no card never need it.
 */
function templating(): typeof ACData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on first use, and synchronous as expandCard is
  return require('adaptivecards-templating') as typeof ACData;
}

function engineFor(json: object): ACData.Template {
  let engine = parsed.get(json);
  if (!engine) {
    engine = new (templating().Template)(json);
    parsed.set(json, engine);
  }
  return engine;
}

/** Every `${…}` in the strings of `value`. */
function expressionsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') for (const match of value.matchAll(/\$\{[^}]*\}/g)) found.add(match[0]);
  else if (Array.isArray(value)) value.forEach((item) => expressionsIn(item, found));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((item) => expressionsIn(item, found));
  return found;
}

/**
 * Expands a template with `data`. Fails loudly when the template refers to data that is not there
 * (adaptivecards-templating would otherwise leave `${x}` in the card for users to see).
 * User text is bound as data, so it can never add card structure; a `${…}` a user typed is kept
 * as they typed it and is not mistaken for a missing binding.
 */
export function expandCard<T>(template: CardTemplate<T>, data: T): Record<string, unknown> {
  const engine = engineFor(template.json);
  const card = engine.expand({ $root: data }) as Record<string, unknown>;
  const warnings = engine.getLastTemplateExpansionWarnings().filter((w) => !FALSE_WHEN.test(w));
  const typed = expressionsIn(data);
  const unbound = [...expressionsIn(card)].filter((expression) => !typed.has(expression));
  if (warnings.length > 0 || unbound.length > 0) {
    throw new Error(
      `Card "${template.name}" did not expand cleanly: ${[...warnings, ...unbound.map((u) => `unbound ${u}`)].join('; ')}`,
    );
  }
  return card;
}

/** The card as a message attachment. */
export function cardAttachment<T>(template: CardTemplate<T>, data: T): Attachment {
  return CardFactory.adaptiveCard(expandCard(template, data));
}
