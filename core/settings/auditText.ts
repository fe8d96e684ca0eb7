import type { AuditEntry } from './audit';
import { isSettingName, settingText, type SettingValues } from './settingFields';

/**
 * One audit entry in English words, as the jobs CLI prints it (the settings card words entries in
 * its reader's language instead, in bot/settings).
 */
export interface AuditEntryText {
  /** `2027-03-11 09:00 UTC` */
  when: string;
  /** `Alex Wilber (in Teams)` */
  who: string;
  /** `dailyKudosLimit: 20 → 2` */
  what: string;
}

const VIA = { teams: 'in Teams', cli: 'with the jobs CLI', tab: 'in the Moments tab' } as const;

/**
 * An audit entry as plain words: a setting's values as they are typed (`off`, `0,30`), anything
 * else (admins, values) as plain text. The result is text for a TextBlock or a terminal, never markup.
 */
export function auditEntryText(entry: AuditEntry): AuditEntryText {
  const value = (v: unknown) =>
    entry.subject === 'settings' && isSettingName(entry.field) && v !== undefined
      ? settingText(entry.field, v as SettingValues[typeof entry.field])
      : plain(v);
  const change =
    entry.from === undefined
      ? `added ${value(entry.to)}`
      : entry.to === undefined
        ? `removed ${value(entry.from)}`
        : `${value(entry.from)} → ${value(entry.to)}`;
  return {
    when: `${entry.at.slice(0, 10)} ${entry.at.slice(11, 16)} UTC`,
    who: `${entry.by.name || entry.by.id} (${VIA[entry.by.via] ?? entry.by.via})`,
    what: `${entry.subject === 'settings' ? '' : `${entry.subject} `}${entry.field}: ${change}`,
  };
}

function plain(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.map(plain).join(', ') || 'none';
  if (typeof value === 'object') {
    const named = value as { name?: unknown };
    return typeof named.name === 'string' ? named.name : JSON.stringify(value);
  }
  return String(value);
}
