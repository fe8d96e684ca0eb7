import { useEffect, useState, type ReactNode } from 'react';
import {
  Card,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Api } from '../app/api';
import { useTexts, type MessageKey, type Texts } from '../app/i18n';
import { TAB_LANGUAGES } from '../app/language';
import type { MySettingsView } from '../app/shapes';
import { useLoad } from '../app/useLoad';
import { useSave } from '../app/useSave';
import { SaveButton } from '../components/SaveButton';
import { ErrorBar, Loading } from '../components/States';
import { hourName, problemText, weekdayName } from './settingWords';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    alignItems: 'start',
  },
});

const CELEBRATIONS: Record<string, MessageKey> = {
  public: 'my.celebrate.public',
  manager: 'my.celebrate.manager',
  off: 'my.celebrate.off',
};
const pad = (n: number) => String(n).padStart(2, '0');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function Choice(props: {
  label: string;
  value: string;
  choices: Array<[string, string]>;
  onChange(value: string): void;
  problem?: string | undefined;
}) {
  return (
    <Field
      label={props.label}
      {...(props.problem ? { validationState: 'error', validationMessage: props.problem } : {})}
    >
      <Dropdown
        value={props.choices.find(([v]) => v === props.value)?.[1] ?? ''}
        selectedOptions={[props.value]}
        onOptionSelect={(_, data) => props.onChange(data.optionValue ?? '')}
      >
        {props.choices.map(([v, words]) => (
          <Option key={v || 'none'} value={v}>
            {words}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function schedule(
  texts: Texts,
  label: string,
  value: { enabled: boolean; day: string; hour: string },
  onChange: (next: typeof value) => void,
  problem?: string,
): ReactNode {
  const { t } = texts;
  return (
    <>
      <Field
        label={label}
        {...(problem ? { validationState: 'error' as const, validationMessage: problem } : {})}
      >
        <Switch
          checked={value.enabled}
          onChange={(_, data) => onChange({ ...value, enabled: data.checked })}
        />
      </Field>
      <Choice
        label={t('my.day', { what: label })}
        value={value.day}
        choices={range(1, 7).map((d) => [String(d), weekdayName(texts, d)])}
        onChange={(day) => onChange({ ...value, day })}
      />
      <Choice
        label={t('my.hour', { what: label })}
        value={value.hour}
        choices={range(0, 23).map((h) => [String(h), hourName(texts, h)])}
        onChange={(hour) => onChange({ ...value, hour })}
      />
    </>
  );
}

/** My settings: birthday (month and day, never a year), celebrations, zone, language, digest and nudges. */
export function MySettingsForm({ api }: { api: Api }) {
  const texts = useTexts();
  const { t, intl } = texts;
  const styles = useStyles();
  const loaded = useLoad(() => api.get<MySettingsView>('my/settings'), 'my');
  const [form, setForm] = useState<MySettingsView>();
  const saving = useSave();
  const [outcome, setOutcome] = useState<'saved' | { error: unknown }>();

  useEffect(() => {
    if (loaded.state === 'ready') setForm(loaded.data);
  }, [loaded.state === 'ready' ? loaded.data : undefined]);

  if (loaded.state === 'loading' || (!form && loaded.state === 'ready'))
    return <Loading label={t('state.loading')} rows={6} />;
  if (loaded.state === 'error' || !form)
    return <ErrorBar error={loaded.state === 'error' ? loaded.error : undefined} onRetry={loaded.reload} />;

  const problem = (field: string) => {
    const found = saving.problems.find((p) => p.field === field);
    return found ? problemText(texts, found) : undefined;
  };
  const set = (change: Partial<MySettingsView>) =>
    setForm((previous) => (previous ? { ...previous, ...change } : previous));
  const celebrations = Object.entries(CELEBRATIONS).map(([v, key]) => [v, t(key)] as [string, string]);

  async function save() {
    if (!form) return;
    setOutcome(undefined);
    const end = await saving.run(async () => setForm(await api.post<MySettingsView>('my/settings', form)));
    if (end !== 'refused') setOutcome(end);
  }

  return (
    <Card>
      <form
        aria-label={t('my.settings.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className={styles.form}>
          <Choice
            label={t('my.birthdayMonth')}
            value={form.birthdayMonth}
            choices={[
              ['', t('my.notSet')],
              ...range(1, 12).map(
                (m) =>
                  [pad(m), intl.formatDate(new Date(2024, m - 1, 1), { month: 'long' })] as [string, string],
              ),
            ]}
            onChange={(birthdayMonth) =>
              set({ birthdayMonth, ...(birthdayMonth ? {} : { birthdayDay: '' }) })
            }
            problem={problem('birthday')}
          />
          <Choice
            label={t('my.birthdayDay')}
            value={form.birthdayDay}
            choices={[
              ['', t('my.notSet')],
              ...range(1, 31).map((d) => [pad(d), intl.formatNumber(d)] as [string, string]),
            ]}
            onChange={(birthdayDay) => set({ birthdayDay })}
          />
          <Choice
            label={t('my.celebrateBirthday')}
            value={form.celebrateBirthday}
            choices={celebrations}
            onChange={(celebrateBirthday) => set({ celebrateBirthday })}
            problem={problem('celebrate')}
          />
          <Choice
            label={t('my.celebrateAnniversary')}
            value={form.celebrateAnniversary}
            choices={celebrations}
            onChange={(celebrateAnniversary) => set({ celebrateAnniversary })}
          />
          <Field
            label={t('my.timeZone')}
            hint={t('my.timeZoneHint')}
            {...(problem('timeZone')
              ? { validationState: 'error' as const, validationMessage: problem('timeZone') }
              : {})}
          >
            <Input
              value={form.timeZone}
              maxLength={64}
              onChange={(_, data) => set({ timeZone: data.value })}
            />
          </Field>
          <Choice
            label={t('my.language')}
            value={form.language}
            choices={[
              ['', t('my.languageAuto')],
              ...TAB_LANGUAGES.map(
                (tag) => [tag, intl.formatDisplayName(tag, { type: 'language' }) ?? tag] as [string, string],
              ),
            ]}
            onChange={(language) => set({ language })}
            problem={problem('language')}
          />
          {form.digest
            ? schedule(texts, t('my.digest'), form.digest, (digest) => set({ digest }), problem('digest'))
            : null}
          {form.calendarBriefs !== undefined ? (
            <Choice
              label={t('my.calendarBriefs')}
              value={form.calendarBriefs}
              choices={[
                ['off', t('my.calendarBriefs.off')],
                ...['5', '10', '15'].map(
                  (m) => [m, t('my.calendarBriefs.minutes', { minutes: Number(m) })] as [string, string],
                ),
              ]}
              onChange={(calendarBriefs) => set({ calendarBriefs })}
              problem={problem('calendarBriefs')}
            />
          ) : null}
          {form.weeklyNudge
            ? schedule(
                texts,
                t('my.weeklyNudge'),
                form.weeklyNudge,
                (weeklyNudge) => set({ weeklyNudge }),
                problem('weeklyNudge'),
              )
            : null}
        </div>
        <SaveButton busy={saving.busy} />
      </form>
      <div role="status">
        {outcome === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('my.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {typeof outcome === 'object' ? <ErrorBar error={outcome.error} /> : null}
    </Card>
  );
}
