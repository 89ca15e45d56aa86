// The platform a conversation or account lives on, as a small colour-coded label.
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Platform } from '@shared/domain';

const PLATFORM_COLORS: Record<Platform, string> = {
  x: 'dark',
  bluesky: 'blue',
  mastodon: 'violet',
  facebook: 'indigo',
  instagram: 'pink',
  email: 'teal',
};

export function PlatformBadge({ platform, ...props }: { platform: Platform } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" color={PLATFORM_COLORS[platform]} {...props}>
      {t(`platform.${platform}`)}
    </Badge>
  );
}
