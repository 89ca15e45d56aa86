/// <reference lib="dom" />
// Coverage against demand in browser mode, on the demo workspace (its follow-the-sun schedule;
// the page's zone is Europe/Riga): the Coverage tab of the Schedule sets the demo's demand beside
// staffing, a new shift adds an agent to its hours, and a lead sets the target.
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import type { Workspace } from '../../src/shared/domain';
import type { ScheduleView } from '../../src/shared/schedule';
import { ARTIFACTS, expect, test } from './fixtures';

const ZONE = 'Europe/Riga';

test('the Coverage tab sets demand beside staffing; a new shift fills its hours; a lead sets the target', async ({ app, inbox, page }) => {
  const { agents } = await app.call<Workspace>('getWorkspace');
  await app.call('setMyPreferences', { role: 'lead', workingCalendarId: null, quietUntil: null });
  await expect.poll(() => inbox.conversations().count()).toBeGreaterThan(3);

  await page.getByTestId('open-schedule').click();
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const demand = page.getByRole('table', { name: /^Demand: messages per hour/ });
  const staffed = page.getByRole('table', { name: /^Staffed: agents on shift/ });
  await expect(demand).toBeVisible();
  await expect(staffed).toBeVisible();

  // This hour of the week in the page's zone: its row (Monday first) and column.
  const now = Temporal.Now.zonedDateTimeISO(ZONE);
  const cellOf = (table: typeof staffed) => table.locator('tbody tr').nth(now.dayOfWeek - 1).locator('td').nth(now.hour);
  // The demo's messages arrived in the last minutes: the hour now (or the one before) has demand.
  const earlier = now.subtract({ hours: 1 });
  const earlierDemand = demand.locator('tbody tr').nth(earlier.dayOfWeek - 1).locator('td').nth(earlier.hour);
  await expect.poll(async () => `${await cellOf(demand).textContent()}${await earlierDemand.textContent()}`).toMatch(/\d/);
  // Each cell says its numbers in words too.
  const onShift = async () => Number(/: ([\d.]+) on shift/.exec((await cellOf(staffed).getAttribute('title')) ?? '')?.[1]);
  await expect.poll(onShift).toBeGreaterThanOrEqual(0);
  const before = await onShift();

  // A lead adds a shift covering this hour (as the Shifts tab's form would save it) for a
  // teammate the demo's follow-the-sun week leaves free this hour.
  const hourStart = now.round({ smallestUnit: 'hour', roundingMode: 'floor' });
  const busy = await app.call<ScheduleView>('getSchedule', { from: hourStart.epochMilliseconds, to: hourStart.add({ hours: 1 }).epochMilliseconds });
  const free = agents.find((a) => !busy.occurrences.some((o) => o.agentId === a.id));
  expect(free, 'a teammate free this hour').toBeDefined();
  await app.call('saveShift', {
    id: 'e2e-now',
    agentId: free!.id,
    timeZone: ZONE,
    startDate: now.toPlainDate().toString(),
    start: `${String(now.hour).padStart(2, '0')}:00`,
    durationMinutes: 180,
    rrule: null,
    exceptions: [],
    region: 'EMEA',
    note: null,
    version: 0,
    updatedAt: 0,
  });
  await expect.poll(onShift).toBe(before + 1);

  // The target: a lead's field; a lower target needs more agents.
  const target = page.getByRole('textbox', { name: 'Target: messages per agent-hour' });
  await target.fill('0');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByText('Enter a number more than 0 and at most 1000')).toBeVisible();
  await target.fill('0.5');
  await page.getByRole('button', { name: 'Save target' }).click();
  await expect(page.getByText('Target saved')).toBeVisible();
  await expect(page.getByTestId('coverage-summary')).toContainText(/hours? short of agents/);
  await expect(staffed.locator('td[data-status="short"]').first()).toBeVisible();

  // The region's shifts alone, from the segment picker.
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Region: EMEA' }).click();
  await expect.poll(onShift).toBeGreaterThanOrEqual(1);
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'All messages and agents' }).click();

  // The zone picker is the Shifts tab's: a zone chosen here is the one shown there.
  await page.locator('label', { hasText: /^Region APAC: / }).click();
  await expect(page.getByText(/beside the agents on shift this week, in Asia\/Kolkata\.$/)).toBeVisible();
  await page.getByRole('tab', { name: 'Shifts', exact: true }).click();
  await expect(page.getByTestId('zone-region:APAC')).toBeChecked();
  await page.locator('label', { hasText: /^Your zone: / }).click();
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByText(/beside the agents on shift this week, in Europe\/Riga\.$/)).toBeVisible();

  await page.getByText('Target saved').waitFor({ state: 'hidden' });
  await page.getByRole('tabpanel', { name: 'Coverage' }).screenshot({ path: join(ARTIFACTS, 'coverage.png') });
});
