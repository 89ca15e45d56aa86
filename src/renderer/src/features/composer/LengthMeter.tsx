// How long the reply is, counted the way its platform counts (X weighs links as 23 and emoji as
// 2; Bluesky counts graphemes and bytes...), against the platform's limit.
import { Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Platform } from '@shared/domain';
import type { LengthMeasure } from '@shared/platformLength';

export function LengthMeter({ platform, length }: { platform: Platform; length: LengthMeasure }) {
  const { t } = useTranslation();
  const platformName = t(`platform.${platform}`);
  if (length.limit === null) {
    return (
      <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="reply-length">
        {t('composer.characters', { count: length.used })}
      </Text>
    );
  }
  const near = !length.over && length.remaining !== null && length.remaining < Math.max(10, length.limit * 0.1);
  const label = length.over
    ? length.overReason === 'bytes'
      ? t('composer.length.overBytes', { platform: platformName })
      : t('composer.length.over', { count: -(length.remaining ?? 0), platform: platformName })
    : t('composer.length.left', { count: length.remaining ?? 0, platform: platformName });
  return (
    <Tooltip label={t(`composer.length.rule.${platform}`, { limit: length.limit })} multiline w={260} openDelay={300}>
      <Text
        size="xs"
        c={length.over ? 'red.8' : near ? 'orange.8' : 'dimmed'}
        fw={length.over ? 600 : undefined}
        style={{ fontVariantNumeric: 'tabular-nums' }}
        data-testid="reply-length"
        data-over={length.over || undefined}
        role={length.over ? 'alert' : undefined}
      >
        <span aria-hidden data-testid="reply-length-count">
          {t('composer.length.meter', { used: length.used, limit: length.limit })}
        </span>
        <VisuallyHidden>{label}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
