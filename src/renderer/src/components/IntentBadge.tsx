// What a listening stream found a conversation as: a sales opportunity or a support matter.
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationIntent } from '@shared/domain';

const COLORS: Record<ConversationIntent, string> = { sales: 'violet', support: 'cyan' };

export function IntentBadge({ intent, size = 'xs' }: { intent: ConversationIntent; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  const label = t(`intent.${intent}`);
  return (
    <Badge size={size} color={COLORS[intent]} variant="light" data-intent={intent} title={t('intent.title', { intent: label })}>
      {label}
    </Badge>
  );
}
