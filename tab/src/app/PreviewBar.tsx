import { useEffect, useId, useState } from 'react';
import { Badge, Dropdown, Label, Option, makeStyles, tokens } from '@fluentui/react-components';
import { API_BASE } from './api';
import { previewKey, rememberPreview, type PreviewPerson } from './auth';
import type { ThemeName } from './host';
import { useTexts, type MessageKey } from './i18n';

const THEME_LABELS: Record<ThemeName, MessageKey> = {
  light: 'preview.theme.light',
  dark: 'preview.theme.dark',
  contrast: 'preview.theme.contrast',
};

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  field: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  option: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  person: { minWidth: '220px' },
});

/** The local preview's controls: whom to look as (remembered for this browser tab) and the theme. */
export function PreviewBar(props: {
  theme: ThemeName;
  onTheme(theme: ThemeName): void;
  previewAs: string | undefined;
  onPreviewAs(key: string): void;
}) {
  const { t } = useTexts();
  const styles = useStyles();
  const personId = useId();
  const themeId = useId();
  const [people, setPeople] = useState<PreviewPerson[]>([]);

  useEffect(() => {
    void fetch(`${API_BASE}preview/people`, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<PreviewPerson[]>) : []))
      .then((list) => {
        setPeople(list);
        const known = list.some((person) => previewKey(person) === props.previewAs);
        if (!known && list[0]) choose(previewKey(list[0]));
      });
    // Once: the list does not change while the page is open.
  }, []);

  function choose(key: string) {
    rememberPreview(key);
    props.onPreviewAs(key);
  }

  const current = people.find((person) => previewKey(person) === props.previewAs);
  return (
    <div className={styles.bar} role="group" aria-label={t('preview.label')}>
      <div className={styles.field}>
        <Label id={personId}>{t('preview.as')}</Label>
        <Dropdown
          className={styles.person}
          aria-labelledby={personId}
          value={current?.name ?? ''}
          selectedOptions={props.previewAs ? [props.previewAs] : []}
          onOptionSelect={(_, data) => data.optionValue && choose(data.optionValue)}
        >
          {people.map((person) => (
            <Option key={previewKey(person)} value={previewKey(person)} text={person.name}>
              <span className={styles.option}>
                {person.name}
                {person.manager ? (
                  <Badge appearance="tint" color="brand" size="small">
                    {t('preview.manager')}
                  </Badge>
                ) : null}
                {person.admin ? (
                  <Badge appearance="tint" color="important" size="small">
                    {t('preview.admin')}
                  </Badge>
                ) : null}
              </span>
            </Option>
          ))}
        </Dropdown>
      </div>
      <div className={styles.field}>
        <Label id={themeId}>{t('preview.theme')}</Label>
        <Dropdown
          aria-labelledby={themeId}
          value={t(THEME_LABELS[props.theme])}
          selectedOptions={[props.theme]}
          onOptionSelect={(_, data) => data.optionValue && props.onTheme(data.optionValue as ThemeName)}
        >
          {(Object.keys(THEME_LABELS) as ThemeName[]).map((theme) => (
            <Option key={theme} value={theme}>
              {t(THEME_LABELS[theme])}
            </Option>
          ))}
        </Dropdown>
      </div>
    </div>
  );
}
