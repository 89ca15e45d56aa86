// Satisfaction surveys (#8): switched on in the settings, sent as a reply after the agent
// resolves a conversation, answered by the demo's simulated customer, shown as a badge.
import { join } from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures';

// The demo's customers answer every built-in survey (by default 70 %).
test.use({ webEnv: { SHIFTDESK_DEMO_SURVEY_ANSWERS: '1' } });

test('resolve → the CSAT question is queued and sent in the thread; the customer answers → "CSAT n/5" badge', async ({ inbox, app, page }) => {
  await page.getByRole('button', { name: 'Satisfaction survey' }).click();
  const dialog = page.getByRole('dialog', { name: 'Satisfaction survey' });
  await dialog.getByRole('radio', { name: 'CSAT (1–5)' }).check();
  await expect(dialog.getByRole('textbox', { name: 'Question in English' })).toHaveValue(/1 \(very bad\) to 5 \(excellent\)/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.call('getSurveySettings')).toMatchObject({ mode: 'csat', delayMinutes: 0 });

  await inbox.openQueue(/^X \(Aurora Air Support\)/);
  const id = await inbox.openFirstConversation();
  // Every customer message says how it reads, in words for screen readers.
  await expect(inbox.thread.locator('li[data-direction="in"] [data-sentiment]').first()).toHaveAttribute('aria-label', /^Reads as (negative|neutral|positive)$/);
  await inbox.reply('Your booking is fixed, have a good flight!');
  await inbox.thread.getByRole('button', { name: 'Resolve' }).click();
  await inbox.goToConversation(id);

  const question = inbox.messages.filter({ hasText: 'Satisfaction survey' });
  await expect(question).toHaveCount(1);
  await expect(question).toHaveAttribute('data-direction', 'out');
  await expect(question).toHaveAttribute('data-status', /queued|sending|sent/);
  await expect(question).toHaveAttribute('data-status', 'sent');
  const posts = app.platformPosts('demo-x').map((p) => p.body);
  expect(posts).toHaveLength(2);

  // The simulated customer answers within half a minute; the conversation stays resolved.
  const badge = inbox.thread.getByTestId('survey-answer');
  await expect(badge).toHaveText(/^CSAT [1-5]\/5$/, { timeout: 45_000 });
  expect(app.conversationSla(id).status).toBe('resolved');
  await inbox.screenshot(join(ARTIFACTS, 'survey-answer.png'));
  await expect(question).toHaveCount(1);
});
