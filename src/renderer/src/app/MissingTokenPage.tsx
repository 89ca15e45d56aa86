// Browser mode opened without the token: explain where the right address comes from.
import { Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function MissingTokenPage() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="xl" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={560}>
        <Stack gap="md">
          <Title order={1} size="h3">
            {t('missingToken.title')}
          </Title>
          <Text>{t('missingToken.body')}</Text>
          <Code block>npm run web</Code>
          <Text size="sm" c="dimmed">
            {t('missingToken.why')}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
