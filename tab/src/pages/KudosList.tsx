import { BalloonRegular } from '@fluentui/react-icons';
import { Avatar, Badge, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTexts, type MessageKey } from '../app/i18n';
import type { KudosItem } from '../app/shapes';
import { formatInstant, formatNames } from '../components/format';

const PLACES: Record<KudosItem['place'], MessageKey> = {
  channel: 'kudos.place.channel',
  groupChat: 'kudos.place.groupChat',
  personal: 'kudos.place.personal',
};

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  card: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
  // The kudos' words: plain text as given, line breaks kept.
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  hidden: { fontStyle: 'italic', color: tokens.colorNeutralForeground3, margin: 0 },
  celebrated: {
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  balloon: { fontSize: '16px', color: tokens.colorPaletteBerryForeground2 },
});

/** The viewer's kudos, newest first: who to whom, the value, when and where, the words, who celebrated. */
export function KudosList({ items, viewerName }: { items: KudosItem[]; viewerName: string }) {
  const { t, intl } = useTexts();
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {items.map((item) => {
        const recipients = item.recipients.map((person) => person.name);
        // On kudos the viewer received they are one of the recipients: "… to you and …".
        const others = recipients.filter((name) => name !== viewerName);
        const headline =
          item.direction === 'given'
            ? t('kudos.youTo', { recipients: formatNames(intl, recipients) })
            : others.length < recipients.length
              ? t('kudos.fromToYou', {
                  giver: item.giver.name,
                  others: others.length,
                  names: formatNames(intl, others),
                })
              : t('kudos.fromTo', { giver: item.giver.name, recipients: formatNames(intl, recipients) });
        return (
          <li key={item.id}>
            <Card className={styles.card} aria-label={headline}>
              <Avatar
                name={item.direction === 'received' ? item.giver.name : item.recipients[0]?.name}
                color="colorful"
              />
              <div className={styles.body}>
                <div className={styles.top}>
                  <Text weight="semibold">{headline}</Text>
                  <Badge appearance="tint" color="brand">
                    {item.value.name}
                  </Badge>
                  <Badge
                    appearance="outline"
                    color={item.direction === 'received' ? 'success' : 'informative'}
                  >
                    {t(item.direction === 'received' ? 'kudos.received' : 'kudos.given')}
                  </Badge>
                </div>
                <Text size={200} className={styles.meta}>
                  {t('kudos.when', {
                    date: formatInstant(intl, item.createdAt),
                    place: t(PLACES[item.place]),
                  })}
                </Text>
                {item.text !== undefined ? (
                  <p className={styles.text}>{item.text}</p>
                ) : (
                  <p className={styles.hidden}>{t('kudos.textPrivate')}</p>
                )}
                <Text size={200} className={styles.celebrated}>
                  <BalloonRegular className={styles.balloon} aria-hidden />
                  {item.celebratedBy.length > 0
                    ? t('kudos.celebratedBy', {
                        count: item.celebratedBy.length,
                        names: formatNames(
                          intl,
                          item.celebratedBy.map((person) => person.name),
                        ),
                      })
                    : t('kudos.notCelebrated')}
                </Text>
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
