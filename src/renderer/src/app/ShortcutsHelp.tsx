// The keyboard shortcuts, one key press (?) away.
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEND_SHORTCUT } from './modifierKey';

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const rows: [string[], string][] = [
    [['J', '↓'], t('shortcuts.next')],
    [['K', '↑'], t('shortcuts.previous')],
    [['Enter'], t('shortcuts.focusThread')],
    [['R'], t('shortcuts.reply')],
    [[SEND_SHORTCUT], t('shortcuts.send')],
    [['Esc'], t('shortcuts.leave')],
    [['E'], t('shortcuts.resolveOrDismiss')],
    [['T'], t('shortcuts.take')],
    [['L'], t('shortcuts.library')],
    [['?'], t('shortcuts.help')],
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} centered size="md">
      <Table verticalSpacing={6} withRowBorders={false}>
        <Table.Tbody>
          {rows.map(([keys, action]) => (
            <Table.Tr key={action}>
              <Table.Td w={150}>
                <Group gap={4} wrap="nowrap">
                  {keys.map((k, i) => (
                    <Group key={k} gap={4} wrap="nowrap">
                      {i > 0 && (
                        <Text span size="xs" c="dimmed">
                          {t('shortcuts.or')}
                        </Text>
                      )}
                      <Kbd size="sm">{k}</Kbd>
                    </Group>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{action}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
