/// <reference lib="dom" />
// The reports dashboard against the demo workspace (four weeks of history) in browser mode: a
// lead opens Reports from the rail, picks the last 30 days, filters by a region, reads the KPI
// cards and the per-region table, exports the CSV (parsed: header and rows), and sees the view
// mirrored in Arabic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

test('a lead reads this period’s figures by region, exports them as CSV and sees them in Arabic', async ({ inbox, page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.getByTestId('reports').click();
  const dialog = page.getByRole('dialog', { name: 'Reports' });
  await expect(dialog).toBeVisible();

  await dialog.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Last 30 days' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Period' })).toHaveValue('Last 30 days');

  // Unfiltered, the per-region table has one row per region the demo accounts serve, with numbers.
  const regions = dialog.getByTestId('report-regions');
  const regionTable = regions.getByRole('table', { name: 'By region' });
  await expect(regionTable.getByRole('rowheader')).toHaveText(['AMER', 'APAC', 'EMEA']);
  const inboundOf = async (region: string) => Number((await regionTable.getByRole('row', { name: new RegExp(`^${region}`) }).getByRole('cell').first().innerText()).replace(/\D/g, ''));
  expect(await inboundOf('EMEA')).toBeGreaterThan(0);
  await expect(dialog.getByTestId('kpi-volume').getByTestId('kpi-value')).toHaveText(/^\d[\d,]*$/);
  await expect(dialog.getByTestId('kpi-firstResponseMedian').getByTestId('kpi-value')).toHaveText(/\d+ (sec|min|hr|day)/);
  await expect(dialog.getByTestId('kpi-volume').getByTestId('kpi-previous')).toHaveText(/^Previous period: /);

  await dialog.getByRole('combobox', { name: 'Region' }).click();
  await page.getByRole('option', { name: 'EMEA' }).click();
  await expect(dialog.getByTestId('report-filters-text')).toContainText('Filtered by Region: EMEA');
  await expect(regionTable.getByRole('rowheader')).toHaveText(['EMEA']);
  const emeaVolume = Number((await dialog.getByTestId('kpi-volume').getByTestId('kpi-value').innerText()).replace(/\D/g, ''));
  await expect.poll(async () => Number((await dialog.getByTestId('kpi-volume').getByTestId('kpi-value').innerText()).replace(/\D/g, ''))).toBe(await inboundOf('EMEA'));
  expect(emeaVolume).toBeGreaterThan(0);
  // Every chart has its table; nothing reads NaN.
  for (const section of ['report-volume-hour', 'report-volume-channel', 'report-backlog', 'report-sla', 'report-sentiment', 'report-agents']) {
    await expect(dialog.getByTestId(section).getByRole('table').or(dialog.getByTestId(section).getByTestId('report-empty'))).toBeVisible();
  }
  await expect(dialog.getByTestId('report-volume-hour').getByRole('img')).toBeVisible();
  await expect(dialog.getByTestId('report-volume-hour').locator('svg.recharts-surface')).toBeVisible();
  await expect(dialog).not.toContainText('NaN');
  await expect(dialog.getByTestId('report-volume-hour').getByRole('row')).toHaveCount(25);

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^shiftdesk-report-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe('section,group,metric,value');
  const rows = lines.slice(1).map((line) => line.split(','));
  expect(rows.length).toBeGreaterThan(20);
  expect(rows).toContainEqual(['filter', '', 'regions', 'EMEA']);
  expect(rows.find((r) => r[0] === 'headline' && r[2] === 'inbound')?.[3]).toBe(String(emeaVolume));

  await page.evaluate(() => document.querySelector('.reports-print-content')?.scrollTo(0, 0));
  await inbox.screenshot(join(ARTIFACTS, 'reports-dashboard.png'));
  await dialog.getByTestId('report-sentiment').scrollIntoViewIfNeeded();
  await inbox.screenshot(join(ARTIFACTS, 'reports-dashboard-charts.png'));
  // The printable summary keeps period, filters, KPIs and tables and drops the app and the controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  await expect(regionTable).toBeVisible();
  await expect(dialog.getByTestId('report-period-text')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'reports-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  expect(errors.filter((e) => /Content Security Policy|NaN/.test(e))).toEqual([]);

  // A period without history says so: figures are "—" with why, charts give way to a sentence.
  await dialog.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Custom range' }).click();
  await expect(dialog.getByText('Choose the first and the last day.')).toBeVisible();
  await expect(dialog.getByTestId('report-period-text')).toHaveText('Choose a period to see the report.');
  await expect(dialog.getByTestId('kpi-volume')).toHaveCount(0);
  await dialog.getByLabel('First day').fill('2020-01-08');
  await dialog.getByLabel('Last day').fill('2020-01-01');
  await expect(dialog.getByText('The last day comes before the first day.')).toBeVisible();
  await dialog.getByLabel('First day').fill('2020-01-01');
  await dialog.getByLabel('Last day').fill('2020-01-07');
  await expect(dialog.getByTestId('report-period-text')).toHaveText(/^Jan 1\s?–\s?7, 2020$/);
  await expect(dialog.getByTestId('kpi-firstResponseMedian').getByTestId('kpi-value')).toHaveText('—');
  await expect(dialog.getByTestId('kpi-firstResponseMedian')).toContainText('No responses in this period.');
  await expect(dialog.getByTestId('report-volume-hour').getByTestId('report-empty')).toHaveText('No customer messages in this period.');
  await expect(dialog).not.toContainText('NaN');

  // Arabic: the view mirrors, numbers in the locale's digits.
  await dialog.getByRole('button', { name: 'Close reports' }).click();
  await page.getByTestId('ui-language').click();
  await page.getByRole('menuitem', { name: 'العربية', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('reports').click();
  await expect(page.getByTestId('reports-view')).toBeVisible();
  const arabic = page.getByRole('dialog');
  await expect(arabic.getByTestId('kpi-volume').getByTestId('kpi-value')).toBeVisible();
  // Mirrored: the period picker, first in the bar, sits at the right.
  const ar = JSON.parse(readFileSync('src/shared/locales/ar.json', 'utf8')) as { reports: { period: { label: string }; filters: { region: string } } };
  const periodBox = await arabic.getByRole('combobox', { name: ar.reports.period.label }).boundingBox();
  const regionBox = await arabic.getByRole('combobox', { name: ar.reports.filters.region }).boundingBox();
  expect(periodBox!.x).toBeGreaterThan(regionBox!.x);
  await inbox.screenshot(join(ARTIFACTS, 'reports-dashboard-ar.png'));
});
