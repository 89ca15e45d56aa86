// The week as two 7 × 24 tables in the viewer's zone: demand (shaded by how busy the hour is)
// and staffed coverage against the agents needed (short hours striped and marked ▼, hours with
// an agent to spare dotted and marked ▲). Real tables with captions and headers, so each cell is
// read with its day and hour; each cell also says its numbers in words.
import { Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoverageBucket } from '@shared/schedule/coverage';
import { formatHour, formatNumber, weekdayNames } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import classes from './Coverage.module.css';
import { coverageGrid, HOURS_PER_DAY, type CoverageCell } from './coverageGrid';

const HOURS = Array.from({ length: HOURS_PER_DAY }, (_, h) => h);
const heatClass = [classes.heat0, classes.heat1, classes.heat2, classes.heat3, classes.heat4];
const statusClass = { short: classes.short, over: classes.over, ok: '' } as const;
const statusMark = { short: '▼', over: '▲', ok: '' } as const;

export interface CoverageHeatmapProps {
  buckets: readonly CoverageBucket[];
  weeks: number;
}

export function CoverageHeatmap({ buckets, weeks }: CoverageHeatmapProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const grid = coverageGrid(buckets);
  const days = weekdayNames(locale, 'long');
  const shortDays = weekdayNames(locale, 'short');
  const hourNames = HOURS.map((h) => formatHour(h, locale));
  const n = (value: number) => formatNumber(value, locale, 1);

  const describe = (cell: CoverageCell) => {
    const { bucket } = cell;
    const at = { day: days[cell.day]!, hour: hourNames[cell.hour]! };
    const numbers = { staffed: n(bucket.staffed), required: n(bucket.required), gap: n(bucket.gap), spare: n(-bucket.gap) };
    return t(`coverage.cell.${bucket.status}`, { ...at, ...numbers });
  };

  const header = (
    <thead>
      <tr>
        <th scope="col">{t('coverage.day')}</th>
        {hourNames.map((name, h) => (
          <th key={h} scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
  const rowHeader = (day: number) => (
    <th scope="row">
      <span aria-hidden>{shortDays[day]}</span>
      <VisuallyHidden>{days[day]}</VisuallyHidden>
    </th>
  );

  return (
    <Stack gap="lg">
      <div className={classes.scroll}>
        <table className={classes.table} data-testid="coverage-demand">
          <caption>{t('coverage.demandCaption', { count: weeks })}</caption>
          {header}
          <tbody>
            {grid.map((row, day) => (
              <tr key={day}>
                {rowHeader(day)}
                {row.map((cell) => (
                  <td
                    key={cell.hour}
                    className={`${classes.cell} ${heatClass[cell.heat]}`}
                    title={t('coverage.cell.demand', { day: days[day]!, hour: hourNames[cell.hour]!, demand: n(cell.bucket.demand) })}
                  >
                    {cell.bucket.demand > 0 ? n(cell.bucket.demand) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={classes.scroll}>
        <table className={classes.table} data-testid="coverage-staffed">
          <caption>{t('coverage.staffedCaption')}</caption>
          {header}
          <tbody>
            {grid.map((row, day) => (
              <tr key={day}>
                {rowHeader(day)}
                {row.map((cell) => {
                  const { bucket } = cell;
                  const mark =
                    bucket.status === 'short'
                      ? t('coverage.cell.shortMark', { gap: n(bucket.gap) })
                      : bucket.status === 'over'
                        ? t('coverage.cell.overMark', { spare: n(-bucket.gap) })
                        : '';
                  return (
                    <td key={cell.hour} className={`${classes.cell} ${statusClass[bucket.status]}`} data-status={bucket.status} title={describe(cell)}>
                      <span aria-hidden>{statusMark[bucket.status]}</span>
                      {bucket.staffed > 0 || bucket.required > 0 ? n(bucket.staffed) : ''}
                      {mark && <VisuallyHidden>{`, ${mark}`}</VisuallyHidden>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Stack gap={4} aria-label={t('coverage.legend.title')} role="group">
        <Text size="sm" fw={600}>
          {t('coverage.legend.title')}
        </Text>
        <Group gap="lg">
          <Text size="xs">
            <span className={`${classes.legendSwatch} ${classes.heat3}`} aria-hidden />
            {t('coverage.legend.heat')}
          </Text>
          <Text size="xs">
            <span className={`${classes.legendSwatch} ${classes.short}`} aria-hidden />
            {t('coverage.legend.short')}
          </Text>
          <Text size="xs">
            <span className={`${classes.legendSwatch} ${classes.over}`} aria-hidden />
            {t('coverage.legend.over')}
          </Text>
          <Text size="xs">
            <span className={classes.legendSwatch} aria-hidden />
            {t('coverage.legend.ok')}
          </Text>
        </Group>
      </Stack>
    </Stack>
  );
}
