// Customers' avatars end to end in browser mode (issue #7, remote images only through the proxy):
// customers with avatar URLs post on the demo's simulated platforms; the app pulls them through its
// real connector, stores the URL, and the thread shows the picture fetched by the main process's
// proxy from a real image server on 127.0.0.1 (the one loopback address:port the test lets the
// proxy reach), or the customer's initials when the image is refused or the URL is not one.
// The page itself never loads anything from anywhere but the app's own origin: the CSP refuses it.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startImageServer, type ImageServer } from '../support/imageServer';
import { ARTIFACTS, expect, test as base, WebApp } from './fixtures';
import { InboxPage } from './pages/inboxPage';

const test = base.extend<{ images: ImageServer; avatarApp: WebApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this argument
  images: async ({}, use) => {
    const images = await startImageServer();
    await use(images);
    await images.close();
  },
  avatarApp: async ({ images }, use) => {
    const app = new WebApp({ NODE_ENV: 'test', SHIFTDESK_TEST_IMAGE_SERVERS: `127.0.0.1:${images.port}` });
    await app.start();
    await use(app);
    await app.stop();
  },
});

interface Customer {
  name: string;
  avatarUrl: unknown;
}

function post(app: WebApp, customers: Customer[]): void {
  const db = new Database(join(app.dataDir, 'demo-platforms.sqlite'), { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const insert = db.prepare(
    `INSERT INTO items (account_id, platform_id, conversation_platform_id, kind, subject, author, body, language, created_at, feed)
     VALUES ('demo-x', ?, ?, 'mention', NULL, ?, ?, 'en', ?, 'inbox')`,
  );
  customers.forEach(({ name, avatarUrl }, i) => {
    const author = { platformId: `avatar:author:${i}`, handle: `avatar_${i}`, displayName: name, language: 'en', followers: 10, verified: false, avatarUrl };
    insert.run(`avatar:msg:${i}`, `avatar:thread:${i}`, JSON.stringify(author), `hello from ${name}`, Date.now() - i);
  });
  db.close();
}

async function conversationOf(app: WebApp, index: number): Promise<number> {
  let id: number | undefined;
  await expect
    .poll(
      () => {
        const db = new Database(join(app.dataDir, 'shiftdesk.sqlite'), { readonly: true, fileMustExist: true });
        try {
          id = db.prepare('SELECT id FROM conversations WHERE platform_id = ?').pluck().get(`avatar:thread:${index}`) as number | undefined;
        } finally {
          db.close();
        }
        return id;
      },
      { timeout: 60_000 },
    )
    .toBeDefined();
  return id!;
}

test('avatars come through the proxy; refused or malformed ones show initials; the page loads nothing remote', async ({ avatarApp: app, images, page }) => {
  test.setTimeout(120_000);
  const elsewhere: string[] = [];
  const origin = new URL(app.url).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('ws://127.0.0.1') && !url.startsWith('data:')) elsewhere.push(url);
  });
  const customers: Customer[] = [
    { name: 'Avery Picture', avatarUrl: `${images.base}/a.png` },
    { name: 'Sam Scalable', avatarUrl: `${images.base}/logo.svg` },
    { name: 'Meta Data', avatarUrl: 'http://169.254.169.254/latest/meta-data/' },
    { name: 'Jo Script', avatarUrl: 'javascript:alert(1)' },
    { name: '\u202Eevil <img src=x onerror=alert(1)>', avatarUrl: `${images.base}/a.png?hostile` },
  ];
  const inbox = new InboxPage(page);
  await inbox.open(app.url);
  post(app, customers);
  const header = (name: string) => inbox.thread.getByRole('img', { name, exact: true }).first();

  // A picture, fetched by the proxy and served at the app's own /media path.
  await inbox.goToConversation(await conversationOf(app, 0));
  const picture = header('Avery Picture').locator('img');
  await expect(picture).toHaveAttribute('src', /^\/media\?url=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fa\.png&token=/);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(picture).toHaveAttribute('alt', 'Avery Picture');
  await page.screenshot({ path: join(ARTIFACTS, 'avatar.png') });

  // SVG refused by the proxy, a link-local address refused, a javascript: URL never stored: initials.
  for (const [index, initials] of [
    [1, 'SS'],
    [2, 'MD'],
    [3, 'JS'],
  ] as const) {
    await inbox.goToConversation(await conversationOf(app, index));
    const avatar = header(customers[index]!.name);
    await expect(avatar).toHaveText(initials);
    await expect(avatar.locator('img')).toHaveCount(0);
    if (index === 2) await page.screenshot({ path: join(ARTIFACTS, 'avatar-initials.png') });
  }

  // A hostile name is the avatar's name as text; its picture still comes through the proxy.
  await inbox.goToConversation(await conversationOf(app, 4));
  const hostile = inbox.thread.getByTestId('customer-avatar').first();
  await expect(hostile).toHaveAttribute('aria-label', customers[4]!.name);
  await expect(hostile.locator('img')).toHaveAttribute('alt', customers[4]!.name);
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  // Everything the app's page loaded came from its own origin.
  expect(elsewhere).toEqual([]);

  // Even a script of the page could not load an image from anywhere else: the CSP refuses it
  // (Playwright sees the attempt; the image server never receives it).
  const before = images.requests.length;
  const violation = await page.evaluate(
    (src) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`), { once: true });
        const img = document.createElement('img');
        img.src = src;
        document.body.append(img);
      }),
    `${images.base}/a.png?direct`,
  );
  expect(violation).toMatch(/^img-src http:\/\/127\.0\.0\.1:\d+\/a\.png\?direct$/);
  expect(images.requests.slice(before)).not.toContain('/a.png?direct');
  // The image server saw the proxy only: the SVG once, the PNGs once each (then the proxy's cache).
  expect(images.requests.filter((r) => r === '/a.png')).toHaveLength(1);
});
