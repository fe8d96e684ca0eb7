import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { Language } from '../../core/shared';
import { CATALOGUES, SOURCE, type Catalogue, type MessageKey } from './catalogues';

/** Values a message's placeholders take: user text stays a plain value, never markup. */
export type MessageValues = Record<string, string | number>;

/** One run of an Adaptive Card RichTextBlock. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  italic?: true;
  color?: 'Accent';
  isSubtle?: true;
}

/**
 * How a calendar day is written, e.g. in English: `short` "Tue 16 Mar", `long` "Tuesday 16 March",
 * `dayMonth` "16 March", `full` "Tuesday 16 March 2027", `medium` "16 Mar 2027".
 */
export type DayStyle = 'short' | 'long' | 'dayMonth' | 'full' | 'medium';

const DAY_STYLES: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  long: { weekday: 'long', day: 'numeric', month: 'long' },
  dayMonth: { day: 'numeric', month: 'long' },
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
};

/** The locale whose conventions (dates, numbers, lists) each language is written with. */
const FORMAT_LOCALES: Record<Language, string> = {
  en: 'en-GB',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  'pt-BR': 'pt-BR',
  nl: 'nl-NL',
  ja: 'ja-JP',
};

/** Everything Moments writes to one person, in their language and time zone. */
export interface Translator {
  readonly language: Language;
  /** The locale dates and numbers are written in (e.g. `de-DE`). */
  readonly locale: string;
  /** The message `key` with `values` filled in, as plain text. */
  text(key: MessageKey, values?: MessageValues): string;
  /**
   * The message `key` as card text runs: its `<b>`, `<i>`, `<accent>` and `<subtle>` tags style the
   * runs they enclose. Values are never read for tags, so user text stays text.
   */
  runs(key: MessageKey, values?: MessageValues): TextRun[];
  /** A calendar day (`YYYY-MM-DD`), written in the language's style. */
  day(date: string, style: DayStyle): string;
  /** The time of day of `instant` in the reader's zone, e.g. "14:30" or "2:30 pm". */
  time(instant: Date): string;
  /** `items` as a list: "Sam, Rosa and Ali". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A number in the language's style. */
  number(value: number): string;
}

type Chunk = string | TextRun;
const STYLE_TAGS: Record<string, Omit<TextRun, 'type' | 'text'>> = {
  b: { weight: 'Bolder' },
  i: { italic: true },
  accent: { color: 'Accent', weight: 'Bolder' },
  subtle: { isSubtle: true },
};

class IntlTranslator implements Translator {
  readonly locale: string;
  private readonly intl: IntlShape<string>;
  private readonly calendar: IntlShape<string>;

  constructor(
    readonly language: Language,
    timeZone: string,
    cache: ReturnType<typeof createIntlCache>,
    catalogue: Catalogue = CATALOGUES[language],
  ) {
    this.locale = FORMAT_LOCALES[language];
    const messages = { ...SOURCE, ...catalogue } as Record<string, string>;
    // A message that cannot be formatted is written from its source text instead: catalogue tests
    // keep that from happening, and a reader is better served by English than by nothing.
    const onError = () => undefined;
    this.intl = createIntl({ locale: this.locale, messages, timeZone, onError, defaultLocale: 'en' }, cache);
    this.calendar = createIntl({ locale: this.locale, messages: {}, timeZone: 'UTC', onError }, cache);
  }

  text(key: MessageKey, values?: MessageValues): string {
    // Style tags mean nothing in plain text: their content is kept, the tags dropped.
    const plain = Object.fromEntries(
      Object.keys(STYLE_TAGS).map((tag) => [tag, (chunks: string[]) => chunks.join('')]),
    );
    return [this.format(key, { ...values, ...plain }) as string | string[]].flat().join('');
  }

  /** formatMessage, typed for keys of the catalogues rather than formatjs' registered ids. */
  private format(key: MessageKey, values?: Record<string, unknown>): unknown {
    const format = this.intl.formatMessage as (
      descriptor: { id: string; defaultMessage: string },
      values?: Record<string, unknown>,
    ) => unknown;
    return format({ id: key, defaultMessage: SOURCE[key] }, values);
  }

  runs(key: MessageKey, values: MessageValues = {}): TextRun[] {
    const tags = Object.fromEntries(
      Object.entries(STYLE_TAGS).map(([tag, style]) => [
        tag,
        (chunks: Chunk[]) =>
          chunks.map((chunk): TextRun =>
            typeof chunk === 'string' ? { type: 'TextRun', text: chunk, ...style } : { ...chunk, ...style },
          ),
      ]),
    );
    const formatted = this.format(key, { ...values, ...tags }) as Chunk | Array<Chunk | Chunk[]>;
    const runs: TextRun[] = [];
    for (const chunk of [formatted].flat(2)) {
      const run: TextRun = typeof chunk === 'string' ? { type: 'TextRun', text: chunk } : chunk;
      const last = runs[runs.length - 1];
      // Plain text split around values joins up again: one run per style change.
      if (last && Object.keys(last).length === 2 && Object.keys(run).length === 2) last.text += run.text;
      else if (run.text !== '') runs.push(run);
    }
    return runs;
  }

  day(date: string, style: DayStyle): string {
    return this.calendar.formatDate(new Date(`${date}T12:00:00Z`), DAY_STYLES[style]);
  }

  time(instant: Date): string {
    return this.intl.formatTime(instant, { hour: 'numeric', minute: '2-digit' });
  }

  list(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    return this.intl.formatList(items, { type });
  }

  number(value: number): string {
    return this.intl.formatNumber(value);
  }
}

const cache = createIntlCache();
const translators = new Map<string, Translator>();

/**
 * The translator for `language` and `timeZone` (an IANA zone), built once per pair: formatters
 * cost far more to build than to use.
 */
export function translatorFor(language: Language, timeZone = 'UTC'): Translator {
  const key = `${language} ${timeZone}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = new IntlTranslator(language, timeZone, cache);
    translators.set(key, translator);
  }
  return translator;
}

/**
 * A translator whose messages are `catalogue` (missing ones in English), written with `language`'s
 * conventions: for trying the cards with messages no language has yet, such as a pseudo-locale.
 */
export function translatorWith(catalogue: Catalogue, language: Language, timeZone = 'UTC'): Translator {
  return new IntlTranslator(language, timeZone, cache, catalogue);
}

/** A language's name in itself, as people choosing it look for it: "Deutsch", "日本語". */
export function languageName(language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
