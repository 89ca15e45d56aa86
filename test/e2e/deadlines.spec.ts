/// <reference lib="dom" />
// A deadline comes near, then passes, in browser mode against the demo workspace: each gives a
// notification (in-app toast and Web Notification) that opens the conversation. A one-minute
// policy for conversations taken from the Listening queue keeps it short.
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

interface Policy {
  id: string;
}

test('a taken listening hit nears its deadline, then breaches it: both notify and open the conversation', async ({ inbox, page, context, app }) => {
  test.setTimeout(150_000);
  await app.call('saveSlaPolicy', {
    id: 'e2e-fast',
    name: 'Taken from listening',
    match: { intents: ['support', 'sales'] },
    firstResponseSeconds: 60,
    nextResponseSeconds: 120,
    resolutionSeconds: null,
    calendarId: null,
    nearBreachShare: 0.5,
    autoAck: { enabled: false, messages: {} },
  });
  const { policies } = await app.call<{ policies: Policy[] }>('listSlaSettings');
  await app.call('reorderSlaPolicies', { ids: ['e2e-fast', ...policies.map((p) => p.id).filter((id) => id !== 'e2e-fast')] });

  // Only this conversation may notify: the demo's others go to a teammate (their breaches are
  // routed away), so this warning is never grouped into a digest with theirs.
  const open = await app.call<{ id: number }[]>('listConversations', { queue: 'all', limit: 500 });
  for (const { id } of open) await app.call('assignConversation', { id, agentId: 'demo-agent-priya' });

  await context.grantPermissions(['notifications']);
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    const Original = window.Notification;
    class Recording extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(title);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recording, configurable: true });
  });

  await inbox.openQueue(/^Listening/);
  const id = await inbox.openFirstConversation();
  const customer = (await inbox.thread.getByRole('heading', { level: 2 }).textContent())!;
  await inbox.thread.getByRole('button', { name: 'Take into inbox' }).click();
  await expect(inbox.thread.locator('[data-conversation-status="open"]')).toBeVisible();
  // Leave it: the agent is elsewhere when the warning comes.
  await inbox.openQueue(/^All open/);

  const near = page.getByRole('alert').filter({ hasText: `Due soon: \u2068${customer}\u2069` });
  await expect(near).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { shown: string[] }).shown)).toContain(`Due soon: \u2068${customer}\u2069`);
  await inbox.screenshot(join(ARTIFACTS, 'near-breach-notification.png'));
  await near.getByRole('button', { name: /^Open the conversation/ }).click();
  await expect(inbox.thread).toHaveAttribute('data-conversation-id', String(id));
  await expect(inbox.thread.locator('[data-sla]').first()).toBeVisible();

  const breached = page.getByRole('alert').filter({ hasText: `SLA breached: \u2068${customer}\u2069` });
  await expect(breached).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { shown: string[] }).shown)).toContain(`SLA breached: \u2068${customer}\u2069`);
  await expect(inbox.thread.locator('[data-sla="overdue"]').first()).toBeVisible();
});
