// The desktop app itself: Electron launched on the built out/main/index.js, with its sandboxed
// preload and IPC. Skips (with the reason) where the Electron binary was never downloaded or
// there is no display; it never triggers the download itself (require('electron') would).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');
const MAIN_ENTRY = join(ROOT, 'out/main/index.js');
const ELECTRON_PACKAGE = join(ROOT, 'node_modules/electron');

/** The same lookup as node_modules/electron/index.js, minus its download fallback. */
function findElectron(): { found: true } | { found: false; reason: string } {
  if (!existsSync(join(ELECTRON_PACKAGE, 'package.json'))) return { found: false, reason: 'the electron package is not installed' };
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) {
    return { found: false, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  }
  const executable = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? join(override, executable || 'electron') : join(ELECTRON_PACKAGE, 'dist', executable);
  if (!existsSync(full)) return { found: false, reason: `the Electron binary is missing (${full})` };
  return { found: true };
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const binary = findElectron();
test.skip(!binary.found, `Electron cannot run here: ${binary.found ? '' : binary.reason}`);
test.skip(binary.found && !hasDisplay(), 'no display: run the Electron e2e test under xvfb-run');

test.describe('desktop app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  let log = '';

  test.beforeEach(async () => {
    if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npx electron-vite build\` first`);
    dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    // The built renderer, never a dev server; a real Electron, not Node.
    delete env.ELECTRON_RENDERER_URL;
    delete env.ELECTRON_RUN_AS_NODE;
    // Found above, so Playwright's require('electron') resolves it without downloading, and
    // Playwright's loader can hold back 'ready' until it is attached.
    app = await electron.launch({
      args: [MAIN_ENTRY],
      cwd: ROOT,
      env: { ...env, SHIFTDESK_DATA_DIR: dataDir, NODE_ENV: 'test' },
    });
    app.process().stderr?.on('data', (chunk) => (log += chunk));
    page = await app.firstWindow();
  });

  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument to pass testInfo
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('main-process.log', { body: log, contentType: 'text/plain' });
    await app?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the inbox in a sandboxed window', async () => {
    await expect(page).toHaveTitle(/Shiftdesk$/);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await expect(list).toBeVisible();
    await expect(list.getByRole('option').first()).toBeVisible();

    // The page sees window.desk and nothing of Node or Electron.
    const exposed = await page.evaluate(() => ({
      keys: Object.keys((globalThis as unknown as { desk: object }).desk).sort(),
      node: ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron'].filter((name) => name in globalThis),
    }));
    expect(exposed.keys).toContain('getWorkspace');
    expect(exposed.keys).toContain('on');
    expect(exposed.node).toEqual([]);
  });

  test('calls the core over IPC, with its errors', async () => {
    const result = await page.evaluate(async () => {
      type AnyDesk = Record<string, (input: unknown) => Promise<unknown>>;
      const desk = (globalThis as unknown as { desk: AnyDesk }).desk;
      const workspace = (await desk.getWorkspace!({})) as { demo: boolean; accounts: unknown[] };
      const missing = await desk.getConversation!({ id: 2_000_000_000 }).then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      const invalid = await desk.getConversation!({ id: -1 }).then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      return { demo: workspace.demo, accounts: workspace.accounts.length, missing, invalid };
    });
    expect(result.demo).toBe(true);
    expect(result.accounts).toBeGreaterThan(0);
    expect(result.missing).toMatch(/not found/i);
    expect(result.invalid).toMatch(/Invalid input for getConversation/);
  });

  test('refuses new windows and navigation away from the app', async () => {
    const url = page.url();
    type Browserish = { open(url: string): unknown; location: { href: string } };
    const refused = await page.evaluate(() => (globalThis as unknown as Browserish).open('file:///etc/hostname') === null);
    expect(refused).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as Browserish).location.href = 'file:///etc/hostname';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
    expect(app.windows()).toHaveLength(1);
  });

  test('serves the page from app://shiftdesk/, refuses traversal, and its settings pass the audit', async () => {
    expect(page.url()).toMatch(/^app:\/\/shiftdesk\/index\.html(#|$)/);
    const statuses = await page.evaluate(async () => {
      const status = (url: string) => fetch(url).then((r) => r.status, () => 0);
      return { own: await status('app://shiftdesk/index.html'), up: await status('app://shiftdesk/..%2f..%2fpackage.json'), file: await status('file:///etc/hostname') };
    });
    expect(statuses).toEqual({ own: 200, up: 403, file: 0 });
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      const p = contents.getLastWebPreferences();
      return { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag };
    });
    expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    expect(log).not.toContain('refused a web contents with unsafe settings');
  });

  test('stops the core when it quits (the data folder lock is released)', async () => {
    await expect(page.getByRole('listbox', { name: 'Conversations' })).toBeVisible();
    expect(existsSync(join(dataDir, 'shiftdesk.lock'))).toBe(true);
    await app.close();
    expect(existsSync(join(dataDir, 'shiftdesk.lock'))).toBe(false);
  });
});
