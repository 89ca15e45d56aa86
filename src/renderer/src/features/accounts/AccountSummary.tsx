// An account at a glance: platform, name, handle (platform text: <bdi>, text only).
import { Group, Text } from '@mantine/core';
import type { Account } from '@shared/domain';
import { PlatformBadge } from '../../components/PlatformBadge';

export function AccountSummary({ account }: { account: Account }) {
  return (
    <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
      <PlatformBadge platform={account.platform} size="sm" />
      <Text fw={600} size="sm" truncate dir="auto" className="shiftdesk-user-label">
        {account.name}
      </Text>
      <Text size="sm" c="dimmed" truncate dir="auto" className="shiftdesk-user-label">
        {account.handle}
      </Text>
    </Group>
  );
}
