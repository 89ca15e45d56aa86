// Demo workspace only: switches that make a simulated platform (or all) unreachable, so the
// agent can watch replies queue up and go out when it comes back. The core's sync status says
// which outages are on; a switch shows its new position while the call is under way.
import { AccountLabelText } from '../../components/AccountLabelText';
import { Collapse, Group, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showErrorToast } from '../../app/toasts';
import { useWorkspace } from '../../app/workspaceContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { DEMO_CONNECTOR } from '@shared/accountConnectors';
import type { SyncStatus } from '@shared/domain';
import { readDemoOpened, writeDemoOpened } from './sectionMemory';

export function DemoControls({ sync }: { sync: SyncStatus | undefined }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { workspace } = useWorkspace();
  const accountLabel = useAccountLabel();
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [opened, setOpened] = useState(readDemoOpened);
  if (!workspace?.demo) return null;
  // Real accounts added beside the demo have no simulated platform to switch off.
  const demoAccounts = workspace.accounts.filter((a) => a.connector === DEMO_CONNECTOR);

  const isDown = (accountId: string) =>
    pending[accountId] ?? sync?.accounts.find((a) => a.accountId === accountId)?.simulatedOutage ?? false;
  const allDown = demoAccounts.length > 0 && demoAccounts.every((a) => isDown(a.id));

  const change = async (accountId: string | null, down: boolean) => {
    const targets = accountId === null ? demoAccounts.map((a) => a.id) : [accountId];
    setPending((p) => ({ ...p, ...Object.fromEntries(targets.map((id) => [id, down])) }));
    try {
      await desk.setDemoPlatformReachable({ accountId, reachable: !down });
    } catch (error) {
      showErrorToast(t('demo.failed'), describeError(t, error));
    } finally {
      setPending((p) => Object.fromEntries(Object.entries(p).filter(([id]) => !targets.includes(id))));
    }
  };

  const label = (target: string) => t('demo.switchLabel', { target });

  return (
    <Stack gap={6} role="group" aria-labelledby="demo-controls-title">
      <UnstyledButton
        id="demo-controls-title"
        aria-expanded={opened}
        aria-controls="demo-controls-body"
        onClick={() => {
          setOpened(!opened);
          writeDemoOpened(!opened);
        }}
      >
        <Group gap={4} wrap="nowrap">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('demo.title')}
          </Text>
          <Text size="xs" c="dimmed" aria-hidden className="shiftdesk-mirror-rtl" style={{ transform: opened ? 'rotate(90deg)' : undefined, transition: 'transform 150ms' }}>
            ›
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={opened} id="demo-controls-body">
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            {t('demo.simulateOutage')}
          </Text>
          <Switch
            size="xs"
            color="orange"
            checked={allDown}
            onChange={(e) => void change(null, e.currentTarget.checked)}
            label={t('demo.all')}
            aria-label={label(t('demo.all'))}
          />
          {demoAccounts.map((account) => {
            const target = accountLabel(account);
            return (
              <Switch
                key={account.id}
                size="xs"
                color="orange"
                checked={isDown(account.id)}
                onChange={(e) => void change(account.id, e.currentTarget.checked)}
                label={<AccountLabelText account={account} />}
                aria-label={label(target)}
              />
            );
          })}
        </Stack>
      </Collapse>
    </Stack>
  );
}
