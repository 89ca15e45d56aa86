// A titled part of an SLA settings form, named for assistive technology by its title.
import { Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function FormSection({ title, hint, actions, children }: { title: string; hint?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Divider />
      <Group justify="space-between" align="flex-end" gap="sm" wrap="nowrap">
        <div>
          <Title order={3} size="sm" fw={600} id={id}>
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {actions && (
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
      {children}
    </Stack>
  );
}
