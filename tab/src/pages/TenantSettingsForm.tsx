import { useEffect, useState } from 'react';
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
import { ApiError, type Api } from '../app/api';
import { useTexts, type Texts } from '../app/i18n';
import { TAB_LANGUAGES } from '../app/language';
import type { AuditEntryView, SettingsConflict, TenantSettingsView } from '../app/shapes';
import { useLoad } from '../app/useLoad';
import { useSave } from '../app/useSave';
import { SaveButton } from '../components/SaveButton';
import { ErrorBar, Loading } from '../components/States';
import { AuditTrail } from './AuditTrail';
import {
  SETTING_CHOICES,
  SETTING_HINTS,
  SETTING_LABELS,
  groupsOf,
  problemText,
  weekdayName,
} from './settingWords';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    alignItems: 'start',
  },
  group: { border: 'none', margin: 0, padding: `0 0 ${tokens.spacingVerticalL}`, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const ON_OFF = new Set(['on', 'off']);

/** The choices of one field, with their words; undefined for a field typed as text. */
function choicesOf(texts: Texts, name: string): Array<[string, string]> | undefined {
  if (name === 'digestDay') return [1, 2, 3, 4, 5, 6, 7].map((day) => [String(day), weekdayName(texts, day)]);
  if (name === 'defaultLanguage') {
    return TAB_LANGUAGES.map((tag) => [tag, texts.intl.formatDisplayName(tag, { type: 'language' }) ?? tag]);
  }
  const words = SETTING_CHOICES[name];
  return words ? Object.entries(words).map(([value, key]) => [value, texts.t(key)]) : undefined;
}

type Outcome = 'saved' | 'unchanged' | { conflict: string[] } | { error: unknown } | undefined;

/** The tenant's settings, as the settings card has them: checked by the API, saved against the version read. */
export function TenantSettingsForm({ api }: { api: Api }) {
  const texts = useTexts();
  const { t } = texts;
  const styles = useStyles();
  const loaded = useLoad(() => api.get<TenantSettingsView>('settings/tenant'), 'tenant');
  const [basis, setBasis] = useState<TenantSettingsView>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const saving = useSave();
  const { problems } = saving;
  const [outcome, setOutcome] = useState<Outcome>();
  const [audit, setAudit] = useState<AuditEntryView[]>([]);

  useEffect(() => {
    if (loaded.state === 'ready') start(loaded.data);
  }, [loaded.state === 'ready' ? loaded.data : undefined]);

  function start(view: TenantSettingsView) {
    setBasis(view);
    setFields({ ...view.fields });
    if (view.audit) setAudit(view.audit);
  }

  /** The audit trail again, after a save added to it (the save's answer has only the settings). */
  function refreshAudit() {
    api.get<TenantSettingsView>('settings/tenant').then(
      (view) => setAudit(view.audit ?? []),
      () => undefined,
    );
  }

  async function save() {
    if (!basis) return;
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([name, value]) => basis.fields[name] !== value),
    );
    if (Object.keys(changed).length === 0) {
      saving.clearProblems();
      return setOutcome('unchanged');
    }
    // `shown`: the settings as this form showed them, so a refused save can say what changed meanwhile.
    const end = await saving.run(async () =>
      start(
        await api.post<TenantSettingsView>('settings/tenant', {
          version: basis.version,
          values: changed,
          shown: basis.fields,
        }),
      ),
    );
    if (end === 'saved') {
      setOutcome('saved');
      refreshAudit();
    } else if (end === 'refused') setOutcome(undefined);
    else if (!showConflict(end.error, changed)) setOutcome(end);
  }

  /**
   * When `error` refused the save because someone else saved meanwhile: shows their values with the
   * admin's own changes kept, says what they changed, and returns true; false for any other error.
   */
  function showConflict(error: unknown, changed: Record<string, string>): boolean {
    const body = error instanceof ApiError ? (error.body as SettingsConflict | undefined) : undefined;
    if (!(error instanceof ApiError && error.status === 409 && body?.settings)) return false;
    const names = (body.changedMeanwhile ?? []).map((c) =>
      t(SETTING_LABELS[c.field] ?? 'settings.field.unknown'),
    );
    // Their values now, with the admin's own changes kept where nobody else changed the setting.
    const meanwhile = new Set((body.changedMeanwhile ?? []).map((c) => c.field));
    start(body.settings);
    setFields({
      ...body.settings.fields,
      ...Object.fromEntries(Object.entries(changed).filter(([name]) => !meanwhile.has(name))),
    });
    setOutcome({ conflict: names });
    refreshAudit();
    return true;
  }

  if (loaded.state === 'loading') return <Loading label={t('state.loading')} rows={6} />;
  if (loaded.state === 'error') return <ErrorBar error={loaded.error} onRetry={loaded.reload} />;
  const set = (name: string, value: string) => setFields((previous) => ({ ...previous, [name]: value }));
  const fieldOf = (name: string, value: string) => {
    const label = SETTING_LABELS[name] ? t(SETTING_LABELS[name]) : name;
    const problem = problems.find((p) => p.field === name);
    const choices = choicesOf(texts, name);
    const hint = SETTING_HINTS[name];
    const field = {
      label,
      ...(problem
        ? { validationState: 'error' as const, validationMessage: problemText(texts, problem) }
        : {}),
      ...(hint && !problem ? { hint: t(hint) } : {}),
    };
    if (ON_OFF.has(basis?.fields[name] ?? '')) {
      return (
        <Field key={name} {...field}>
          <Switch checked={value === 'on'} onChange={(_, data) => set(name, data.checked ? 'on' : 'off')} />
        </Field>
      );
    }
    if (choices) {
      return (
        <Field key={name} {...field}>
          <Dropdown
            value={choices.find(([v]) => v === value)?.[1] ?? value}
            selectedOptions={[value]}
            onOptionSelect={(_, data) => data.optionValue && set(name, data.optionValue)}
          >
            {choices.map(([v, words]) => (
              <Option key={v} value={v}>
                {words}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    }
    return (
      <Field key={name} {...field}>
        <Input value={value} maxLength={40} onChange={(_, data) => set(name, data.value)} />
      </Field>
    );
  };
  return (
    <Card>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        aria-label={t('org.settings.title')}
      >
        {groupsOf(Object.keys(fields)).map((group) => (
          <fieldset key={group.title} className={styles.group}>
            <legend className={styles.legend}>{t(group.title)}</legend>
            <div className={styles.form}>{group.names.map((name) => fieldOf(name, fields[name] ?? ''))}</div>
          </fieldset>
        ))}
        <SaveButton busy={saving.busy} />
      </form>
      <div role="status">
        {outcome === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('org.settings.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome === 'unchanged' ? (
          <MessageBar intent="info">
            <MessageBarBody>{t('org.settings.unchanged')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {problems.length > 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('org.settings.problems', { count: problems.length })}</MessageBarBody>
          </MessageBar>
        ) : null}
        {typeof outcome === 'object' && 'conflict' in outcome ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t('org.settings.conflict', {
                count: outcome.conflict.length,
                names: texts.intl.formatList(outcome.conflict) as string,
              })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {typeof outcome === 'object' && 'error' in outcome ? <ErrorBar error={outcome.error} /> : null}
      <AuditTrail entries={audit} />
    </Card>
  );
}
