// Loads the report of a query, and the same query once per region for the per-region table.
import { useCallback } from 'react';
import type { Report, ReportQueryInput } from '@shared/reports/types';
import { useDesk } from '../../app/deskContext';
import type { ChangeSet } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';
import { regionRow, type RegionRow } from './reportView';

// A report covers history: it is read again when the lead changes the query, or after a reconnect.
const affectsReport = (changes: ChangeSet) => changes.all;

export function useReport(query: ReportQueryInput | null) {
  const desk = useDesk();
  const load = useCallback((key: string) => desk.getReport(JSON.parse(key) as ReportQueryInput), [desk]);
  return useLiveQuery<Report>(query ? JSON.stringify(query) : null, load, affectsReport);
}

export function useRegionRows(query: ReportQueryInput | null, regions: string[]) {
  const desk = useDesk();
  const load = useCallback(
    async (key: string) => {
      const { query: base, regions: names } = JSON.parse(key) as { query: ReportQueryInput; regions: string[] };
      const reports = await Promise.all(
        names.map((region) => desk.getReport({ ...base, compare: false, filters: { ...base.filters, regions: [region] } })),
      );
      return reports.map((report, i) => regionRow(names[i] as string, report));
    },
    [desk],
  );
  return useLiveQuery<RegionRow[]>(query && regions.length > 0 ? JSON.stringify({ query, regions }) : null, load, affectsReport);
}
