// The Coverage tab of the Schedule view: demand beside staffed coverage for one week in the zone
// the schedule is shown in, for everyone, one language or one region, at the lead's target.
import { Alert, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageReport, CoverageSegment } from '@shared/schedule/coverage';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useWorkspace } from '../../app/workspaceContext';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { affectsCoverage } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';
import { CoverageHeatmap } from './CoverageHeatmap';
import { CoverageTargetField } from './CoverageTargetField';
import { coverageSummary, parseSegmentValue, segmentChoices, segmentValue } from './coverageGrid';

const WEEK_CHOICES = [1, 2, 4, 8, 12];
const DEFAULT_WEEKS = 4;

interface CoverageQuery {
  timeZone: string;
  weeks: number;
  segment: CoverageSegment;
}

export interface CoverageViewProps {
  /** The zone the schedule is shown in (the Schedule view's zone picker). */
  timeZone: string;
}

export function CoverageView({ timeZone }: CoverageViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const desk = useDesk();
  const { workspace } = useWorkspace();
  const [weeks, setWeeks] = useState(DEFAULT_WEEKS);
  const [segment, setSegment] = useState<CoverageSegment>({ kind: 'all' });
  const load = useCallback((key: string) => desk.getCoverage(JSON.parse(key) as CoverageQuery), [desk]);
  const key = JSON.stringify({ timeZone, weeks, segment } satisfies CoverageQuery);
  const query = useLiveQuery<CoverageReport>(key, load, affectsCoverage);
  const report = query.current;

  const segmentLabel = (s: CoverageSegment) =>
    s.kind === 'all'
      ? t('coverage.segments.all')
      : s.kind === 'language'
        ? t('coverage.segments.language', { language: languageName(s.language, locale) })
        : t('coverage.segments.region', { region: s.region });
  // The chosen segment stays offered even when this week has nothing of it.
  const choices = report ? segmentChoices(report.segments) : [];
  if (!choices.some((c) => segmentValue(c) === segmentValue(segment))) choices.push(segment);
  const summary = report ? coverageSummary(report.buckets) : null;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('coverage.title')}
      </Title>
      <Text size="sm">{t('coverage.intro', { zone: timeZone })}</Text>
      <Group align="flex-end" gap="md">
        <Select
          label={t('coverage.segment')}
          data={choices.map((c) => ({ value: segmentValue(c), label: segmentLabel(c) }))}
          value={segmentValue(segment)}
          onChange={(value) => setSegment(parseSegmentValue(value))}
          allowDeselect={false}
          w={260}
        />
        <Select
          label={t('coverage.weeks')}
          data={WEEK_CHOICES.map((w) => ({ value: String(w), label: t('coverage.weeksOption', { count: w }) }))}
          value={String(weeks)}
          onChange={(value) => setWeeks(Number(value ?? DEFAULT_WEEKS))}
          allowDeselect={false}
          w={180}
        />
      </Group>
      {report && (
        <CoverageTargetField
          key={`${report.target}|${report.targetIsDefault}`}
          target={report.target}
          isDefault={report.targetIsDefault}
          isLead={workspace?.self.role === 'lead'}
        />
      )}
      {query.error !== null && query.error !== undefined && !report ? (
        <Alert color="red" title={t('coverage.loadFailed', { error: describeError(t, query.error) })}>
          <Button variant="light" onClick={query.reload}>
            {t('coverage.retry')}
          </Button>
        </Alert>
      ) : !report ? (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">{t('coverage.loading')}</Text>
        </Group>
      ) : (
        <>
          {summary && (
            <Text size="sm" role="status" data-testid="coverage-summary">
              {t('coverage.summary', {
                short: t('coverage.shortHours', { count: summary.shortHours }),
                over: t('coverage.overHours', { count: summary.overHours }),
              })}
            </Text>
          )}
          <CoverageHeatmap buckets={report.buckets} weeks={report.weeks} />
        </>
      )}
    </Stack>
  );
}
