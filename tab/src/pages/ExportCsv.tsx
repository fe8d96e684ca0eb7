import { useId, useState } from 'react';
import { Button, Card, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../app/api';
import { useTexts } from '../app/i18n';
import { Busy, ErrorBar } from '../components/States';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Saves `blob` as a file the way a link would, without a navigation. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The recognitions of a date range as CSV. The API wants the caller's credentials in a header, so
 * the file is fetched and handed to the browser as a blob rather than opened as a link.
 */
export function ExportCsv({ api }: { api: Api }) {
  const { t } = useTexts();
  const styles = useStyles();
  const headingId = useId();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 90 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [state, setState] = useState<'idle' | 'busy' | 'done' | { error: unknown }>('idle');
  const wrongOrder = from > to;

  async function download() {
    setState('busy');
    try {
      const blob = await api.download(`organisation/export?${new URLSearchParams({ from, to }).toString()}`);
      save(blob, `moments-kudos-${from}-${to}.csv`);
      setState('done');
    } catch (error) {
      setState({ error });
    }
  }

  return (
    <Card aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {t('org.export.title')}
      </h3>
      <Text>{t('org.export.lead')}</Text>
      <div className={styles.row}>
        <Field label={t('org.export.from')}>
          <Input type="date" value={from} max={to} onChange={(_, data) => setFrom(data.value)} />
        </Field>
        <Field
          label={t('org.export.to')}
          validationState={wrongOrder ? 'error' : 'none'}
          validationMessage={wrongOrder ? t('org.export.order') : undefined}
        >
          <Input type="date" value={to} min={from} onChange={(_, data) => setTo(data.value)} />
        </Field>
        {state === 'busy' ? (
          <Busy label={t('org.export.busy')} />
        ) : (
          <Button appearance="primary" disabled={!from || !to || wrongOrder} onClick={download}>
            {t('org.export.button')}
          </Button>
        )}
      </div>
      <div role="status">{state === 'done' ? <Text>{t('org.export.done')}</Text> : null}</div>
      {typeof state === 'object' ? <ErrorBar error={state.error} /> : null}
    </Card>
  );
}
