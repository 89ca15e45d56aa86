// The dashboard's filter choice (one value per filter) and the ReportFilters the core takes.
import type { ReportFilters } from '@shared/reports/types';

/** One value per filter: the dashboard filters by one account, one region … at a time. */
export interface FilterChoice {
  accountId: string | null;
  platform: string | null;
  language: string | null;
  queue: string | null;
  agentId: string | null;
  region: string | null;
  shiftRegion: string | null;
}

export const NO_FILTERS: FilterChoice = { accountId: null, platform: null, language: null, queue: null, agentId: null, region: null, shiftRegion: null };

/** Only the filters chosen: no key with undefined (IPC would carry it into the report's filters). */
export function toReportFilters(choice: FilterChoice): ReportFilters {
  const filters: ReportFilters = {};
  if (choice.accountId) filters.accountIds = [choice.accountId];
  if (choice.platform) filters.platforms = [choice.platform as NonNullable<ReportFilters['platforms']>[number]];
  if (choice.language) filters.languages = [choice.language];
  if (choice.queue) filters.queue = choice.queue as ReportFilters['queue'];
  if (choice.agentId) filters.agentIds = [choice.agentId];
  if (choice.region) filters.regions = [choice.region];
  if (choice.shiftRegion) filters.shiftRegions = [choice.shiftRegion];
  return filters;
}

export type FilterLabels = Record<keyof FilterChoice, string>;

/** The chosen filters in words ("Region: EMEA"), in the order of the filter bar; `name` names a value. */
export function describeFilters(choice: FilterChoice, labels: FilterLabels, name: (key: keyof FilterChoice, value: string) => string): string[] {
  const order: (keyof FilterChoice)[] = ['region', 'accountId', 'platform', 'language', 'queue', 'agentId', 'shiftRegion'];
  return order.flatMap((key) => {
    const value = choice[key];
    return value === null ? [] : [`${labels[key]}: ${name(key, value)}`];
  });
}
