import type { IntlShape } from '@formatjs/intl';
import { dayOf } from '../app/i18n';

/** A `YYYY-MM-DD` day in the viewer's language, e.g. "7 Dec 2026". */
export function formatDay(intl: IntlShape<string>, day: string): string {
  return intl.formatDate(dayOf(day), { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A week's Monday, short, e.g. "7 Dec". */
export function formatWeek(intl: IntlShape<string>, day: string): string {
  return intl.formatDate(dayOf(day), { day: 'numeric', month: 'short' });
}

/** An instant in the viewer's language and zone. */
export function formatInstant(intl: IntlShape<string>, at: string): string {
  return intl.formatDate(new Date(at), { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A share from 0 to 1 as a percentage. */
export function formatShare(intl: IntlShape<string>, share: number): string {
  return intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

/** Names as a list in the viewer's language ("Ann, Bo and Cy"). */
export function formatNames(intl: IntlShape<string>, names: string[]): string {
  return intl.formatList(names, { type: 'conjunction' }) as string;
}
