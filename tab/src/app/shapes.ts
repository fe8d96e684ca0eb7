/**
 * The shapes of the tab's API beyond core/insights/views.ts (whose types are imported from there):
 * the settings, data and preview routes. Types only; the server owns the data.
 */
export type {
  MeView,
  KudosItem,
  RecognitionPage,
  RecognitionPeriod,
  TeamView,
  ReportRow,
  NextMilestone,
  OrganisationView,
  TabPage,
  ValueName,
  PersonName,
} from '../../../core/insights/views';

/** GET/POST settings/tenant: each changeable setting as text (the settings card's inputs), and the version read. */
export interface TenantSettingsView {
  version?: string;
  fields: Record<string, string>;
}

/** A problem with one field, as a code with what a message about it needs. */
export interface FieldProblem {
  field: string;
  code: string;
  given?: string;
  min?: number;
  max?: number;
  choices?: readonly string[];
  month?: number;
  day?: number;
  zone?: string;
}

/** 409 on settings/tenant: what someone else changed meanwhile, and the settings as they are now. */
export interface SettingsConflict {
  error: string;
  reference?: string;
  changedMeanwhile?: Array<{ field: string; value: unknown }>;
  settings?: TenantSettingsView;
}

/** GET/POST my/settings: the person's choices as text, as the `my settings` card holds them. */
export interface MySettingsView {
  birthdayMonth: string;
  birthdayDay: string;
  celebrateBirthday: string;
  celebrateAnniversary: string;
  timeZone: string;
  language: string;
  /** Present for people with reports. */
  digest?: { enabled: boolean; day: string; hour: string };
  calendarBriefs?: string;
  weeklyNudge?: { enabled: boolean; day: string; hour: string };
}

/** GET my/data: what Moments holds about the viewer. */
export interface MyDataView {
  name?: string;
  manager?: string;
  reportCount: number;
  isAdmin: boolean;
  kudosGiven: number;
  kudosReceived: number;
  celebrated: number;
  conversations: number;
  notesAboutThem: number;
  birthday?: string;
  hireDate?: string;
  timeZone?: string;
}
