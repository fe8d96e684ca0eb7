import { declareCard } from '../teams/cardRender';
import mySettingsTemplate from './my-settings.json';
import myDataTemplate from './my-data.json';
import forgetConfirmTemplate from './forget-confirm.json';
import noticeTemplate from './privacy-notice.json';

/** One option of an Input.ChoiceSet. */
export interface ChoiceData {
  title: string;
  value: string;
}

/**
 * `my settings`: a person's own birthday (month and day, never a year), who sees their milestones
 * celebrated, their time zone and, for managers, their weekly digest. Values are strings as the
 * inputs submit them, so a refused submission comes back exactly as typed.
 */
export interface MySettingsCardData {
  /** The card's own words, in the reader's language. */
  texts: MySettingsTexts;
  /** A line under the title, e.g. that saving adds them to the directory. */
  intro: string;
  /** "Saved…" after a save; empty otherwise. */
  status: string;
  /** Why nothing was stored; empty when there is nothing wrong. */
  error: string;
  months: ChoiceData[];
  days: ChoiceData[];
  /** `01`…`12`, or `none` for not set. */
  birthdayMonth: string;
  /** `01`…`31`, or `none`. */
  birthdayDay: string;
  celebrationChoices: ChoiceData[];
  celebrateBirthday: string;
  celebrateAnniversary: string;
  /** Where work anniversaries come from (the hire date, from HR). */
  hireDate: string;
  zones: ChoiceData[];
  timeZone: string;
  /** Shows the digest section: only people with reports get a digest. */
  isManager: boolean;
  digestEnabled: 'true' | 'false';
  digestDays: ChoiceData[];
  digestDay: string;
  digestHours: ChoiceData[];
  digestHour: string;
  /** Off (`off`) or the minutes before a 1:1 a manager's brief comes. */
  briefLeads: ChoiceData[];
  briefLead: string;
  /** Why the choice does not apply yet (the tenant has calendar briefs off); empty otherwise. */
  briefsNote: string;
  /** The weekly "recognise someone" card, for everyone; days and hours from the digest's lists. */
  nudgeEnabled: 'true' | 'false';
  nudgeDay: string;
  nudgeHour: string;
  /** Automatic (`auto`), then every language Moments speaks, each named in itself. */
  languages: ChoiceData[];
  /** A language tag, or `auto` for the language of their Teams client. */
  language: string;
}

/** The fixed words of the `my settings` card: headings, labels, hints and the button. */
export interface MySettingsTexts {
  title: string;
  birthday: string;
  birthdayHint: string;
  month: string;
  day: string;
  celebrateBirthday: string;
  celebrateBirthdayError: string;
  celebrateAnniversary: string;
  celebrateAnniversaryError: string;
  timeZone: string;
  timeZonePlaceholder: string;
  timeZoneError: string;
  language: string;
  digest: string;
  digestToggle: string;
  digestDay: string;
  digestHour: string;
  briefs: string;
  briefLead: string;
  nudge: string;
  nudgeToggle: string;
  save: string;
}

/** `my data`: everything Moments holds about the person, section by section. */
export interface MyDataCardData {
  title: string;
  intro: string;
  sections: Array<{
    title: string;
    /** Shown as "label: value"; values may be anyone's text, so they are TextRuns. */
    facts: Array<{ label: string; value: string }>;
    lines: Array<{ text: string }>;
  }>;
  footer: string;
}

/** `forget me`: what would be erased and what stays, with Erase my data / Cancel. */
export interface ForgetConfirmCardData {
  texts: { title: string; erases: string; stays: string; warning: string; erase: string; cancel: string };
  erased: Array<{ text: string }>;
  kept: Array<{ text: string }>;
}

/** A short result card (what was erased, or that nothing was). */
export interface PrivacyNoticeCardData {
  title: string;
  lines: Array<{ text: string }>;
  /** A closing remark below the lines; '' for none. */
  note: string;
}

export const mySettingsCard = declareCard<MySettingsCardData>('my-settings', mySettingsTemplate);
export const myDataCard = declareCard<MyDataCardData>('my-data', myDataTemplate);
export const forgetConfirmCard = declareCard<ForgetConfirmCardData>('forget-confirm', forgetConfirmTemplate);
export const privacyNoticeCard = declareCard<PrivacyNoticeCardData>('privacy-notice', noticeTemplate);
