// The headline figures as cards: the value, what it is, and the previous period's value.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { formatFigure, type Kpi } from './reportView';

export function KpiGrid({ kpis }: { kpis: Kpi[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs" component="ul" className="reports-kpis" aria-label={t('reports.kpis.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {kpis.map(({ key, figure, previous }) => {
        const value = formatFigure(figure, locale);
        return (
          <Paper component="li" key={key} withBorder p="xs" radius="sm" data-testid={`kpi-${key}`} className="reports-card">
            <Text size="xs" c="dimmed" fw={600}>
              {t(`reports.kpis.${key}`)}
            </Text>
            <Text size="xl" fw={700} data-testid="kpi-value">
              {value}
            </Text>
            {figure.value === null && (
              <Text size="xs" c="dimmed">
                {t(`reports.noData.${figure.kind === 'duration' ? 'duration' : key === 'csat' || key === 'nps' ? 'survey' : 'figure'}`)}
              </Text>
            )}
            {figure.estimated && figure.value !== null && (
              <Text size="xs" c="dimmed" data-testid="kpi-estimated">
                {t('reports.estimated', { sample: 8 })}
              </Text>
            )}
            {previous && (
              <Text size="xs" c="dimmed" data-testid="kpi-previous">
                {t('reports.kpis.previous', { value: formatFigure(previous, locale) })}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
