import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTexts } from '../app/i18n';
import { Busy } from './States';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
});

/** A form's Save button (it submits the form), or "Saving…" while the save runs. */
export function SaveButton({ busy }: { busy: boolean }) {
  const { t } = useTexts();
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      {busy ? (
        <Busy label={t('state.saving')} />
      ) : (
        <Button appearance="primary" type="submit">
          {t('action.save')}
        </Button>
      )}
    </div>
  );
}
