// Who the customer is (name, handle, platform, language, audience, VIP or not) and their earlier
// conversations, each one click (or Enter) away.
import { Badge, Divider, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '@shared/domain';
import { CustomerAvatar } from '../../components/CustomerAvatar';
import { PlatformBadge } from '../../components/PlatformBadge';
import { VipBadge } from '../../components/VipBadge';
import { formatDate, formatNumber, languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import classes from './CustomerPanel.module.css';
import { VipToggle } from './VipToggle';

export function CustomerPanel({ detail, onOpen }: { detail: ConversationDetail | undefined; onOpen(id: number): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!detail) {
    return (
      <Text size="sm" c="dimmed" p="md">
        {t('customer.none')}
      </Text>
    );
  }
  const { customer, account, earlier } = detail;
  const facts: [string, ReactNode][] = [
    [t('customer.handle'), <bdi key="h">{customer.handle}</bdi>],
    [
      t('customer.platform'),
      <Group key="p" gap={6} wrap="nowrap" component="span">
        <PlatformBadge platform={account.platform} />
        <Text span size="sm" truncate dir="auto" className="shiftdesk-user-label">
          {account.name}
        </Text>
      </Group>,
    ],
    [t('customer.language'), customer.language ? languageName(customer.language, locale) : t('customer.unknownLanguage')],
    [t('customer.followers'), formatNumber(customer.followers, locale)],
  ];
  return (
    <Stack gap="sm" p="md">
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap">
          <CustomerAvatar customer={customer} size="md" />
          <Title order={2} size="h5" lineClamp={2}>
            <bdi>{customer.displayName}</bdi>
          </Title>
          {customer.vip && <VipBadge />}
          {customer.verified && (
            <Badge size="xs" color="blue" variant="light">
              {t('customer.verified')}
            </Badge>
          )}
        </Group>
      </Stack>
      <VipToggle customer={customer} />
      <dl className={classes.facts}>
        {facts.map(([label, value]) => (
          <div key={label} className={classes.fact}>
            <dt>
              <Text span size="xs" c="dimmed">
                {label}
              </Text>
            </dt>
            <dd>
              <Text span size="sm">
                {value}
              </Text>
            </dd>
          </div>
        ))}
      </dl>
      <Divider />
      <Title order={3} size="h6">
        {t('customer.earlier')}
      </Title>
      {earlier.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customer.noEarlier')}
        </Text>
      ) : (
        <ul className={classes.earlier}>
          {earlier.map((c) => {
            const date = formatDate(c.lastMessageAt, locale);
            return (
              <li key={c.id}>
                <UnstyledButton className={classes.earlierItem} onClick={() => onOpen(c.id)} aria-label={t('customer.openEarlier', { date, preview: c.preview.slice(0, 80) })}>
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <Text size="xs" c="dimmed">
                      {date}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Badge size="xs" variant="default">
                        {t(`kind.${c.kind}`)}
                      </Badge>
                      <Badge size="xs" variant="light" color={c.status === 'resolved' ? 'teal' : 'gray'}>
                        {t(`conversationStatus.${c.status}`)}
                      </Badge>
                    </Group>
                  </Group>
                  <Text size="xs" lineClamp={2} dir="auto" mt={2}>
                    {c.preview}
                  </Text>
                </UnstyledButton>
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}
