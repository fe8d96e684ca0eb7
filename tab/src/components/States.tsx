import type { ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SparkleRegular } from '@fluentui/react-icons';
import { ApiError } from '../app/api';
import { useTexts, type MessageKey } from '../app/i18n';

const useStyles = makeStyles({
  skeleton: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: '48px', lineHeight: '48px', color: tokens.colorBrandForeground1 },
  reference: { fontFamily: tokens.fontFamilyMonospace },
});

/** A page or card loading: a skeleton of rows, announced once by its label. */
export function Loading({ label, rows = 3 }: { label: string; rows?: number }) {
  const styles = useStyles();
  return (
    <div role="status" aria-label={label}>
      <Skeleton className={styles.skeleton} aria-hidden>
        {Array.from({ length: rows }, (_, index) => (
          <SkeletonItem key={index} size={index === 0 ? 28 : 16} />
        ))}
      </Skeleton>
    </div>
  );
}

/** A small busy indicator with its words. */
export function Busy({ label }: { label: string }) {
  return <Spinner size="tiny" label={label} labelPosition="after" />;
}

/** Nothing to show yet: what it is and what to do about it. */
export function Empty({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <span className={styles.icon} aria-hidden>
        {icon ?? <SparkleRegular />}
      </span>
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      {children ? <Text>{children}</Text> : null}
    </div>
  );
}

const ERROR_TITLES: Record<number, MessageKey> = {
  401: 'error.signIn',
  403: 'error.notAllowed',
  404: 'error.notFound',
  413: 'error.tooLarge',
};

/** A failed request: what went wrong in words, and the reference people can quote to support. */
export function ErrorBar({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTexts();
  const styles = useStyles();
  const status = error instanceof ApiError ? error.status : 0;
  const reference = error instanceof ApiError ? error.reference : undefined;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(ERROR_TITLES[status] ?? 'error.general')}</MessageBarTitle>
        {reference ? (
          <>
            {t('error.reference')} <span className={styles.reference}>{reference}</span>
          </>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('action.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/** Off screen, yet read by screen readers. */
export const useVisuallyHidden = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Says to screen readers, once, that a page's results arrived (or failed). */
export function LiveStatus({ text }: { text: string }) {
  return (
    <span role="status" className={useVisuallyHidden().hidden}>
      {text}
    </span>
  );
}
