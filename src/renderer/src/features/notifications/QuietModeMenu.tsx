// Quiet mode: for a while, only must-interrupt notifications reach this agent (breaches and
// mentions still show in the inbox). The core holds the notifications back and says why.
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showErrorToast } from '../../app/toasts';
import { useWorkspace } from '../../app/workspaceContext';
import { readNow, useRerenderEvery } from '../../components/useNow';
import { useLocale } from '../../i18n/useLocale';
import { quietOptions } from './quietMode';

export function QuietModeMenu() {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  useRerenderEvery(30_000);
  if (!workspace) return null;
  const { self } = workspace;
  const now = readNow();
  const quiet = self.quietUntil !== null && self.quietUntil > now;
  const until = quiet ? new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(self.quietUntil!) : null;

  const set = async (quietUntil: number | null) => {
    try {
      await desk.setMyPreferences({ role: self.role, workingCalendarId: self.workingCalendarId, quietUntil });
    } catch (error) {
      showErrorToast(t('quiet.failed'), describeError(t, error));
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant={quiet ? 'light' : 'default'} color={quiet ? 'grape' : undefined} aria-label={quiet ? t('quiet.onLabel', { time: until }) : t('quiet.offLabel')} data-testid="quiet-mode">
          {quiet ? t('quiet.on', { time: until }) : t('quiet.off')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('quiet.menu')}</Menu.Label>
        {quietOptions(now).map((option) => (
          <Menu.Item key={option.key} onClick={() => void set(option.until)}>
            {t(`quiet.options.${option.key}`)}
          </Menu.Item>
        ))}
        {quiet && (
          <Menu.Item color="red" onClick={() => void set(null)}>
            {t('quiet.end')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
