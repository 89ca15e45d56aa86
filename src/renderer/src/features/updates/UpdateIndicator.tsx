// In the header once an update is downloaded: "Update ready" opens the Updates dialog, where
// "Restart to update" is.
import { Button, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdateState } from './useUpdateState';

export function UpdateIndicator({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const state = useUpdateState();
  if (state?.status !== 'ready') return null;
  return (
    <Tooltip label={t('updates.readyTooltip', { version: state.version })} withArrow>
      <Button size="compact-sm" variant="light" color="teal" onClick={onOpen} data-testid="update-ready">
        {t('updates.readyIndicator')}
      </Button>
    </Tooltip>
  );
}
