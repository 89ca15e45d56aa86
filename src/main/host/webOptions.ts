// Command line and environment of browser mode: `npm run web -- --port 5183 --data-dir DIR`.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AddressTarget } from '../core/media';

export interface WebOptions {
  port: number;
  dataDir: string;
  demoRate: number | undefined;
  /** Seconds after the first start at which one demo conversation breaches (env only). */
  demoBreachSeconds: number | undefined;
  /** Share of surveys the demo's customers answer (env SHIFTDESK_DEMO_SURVEY_ANSWERS, 0..1). */
  demoSurveyAnswers: number | undefined;
  /** Poll every account this often (env only: tests against local servers). */
  pollIntervalMs: number | undefined;
  /** Loopback image servers the image proxy may also reach (env only, and only with NODE_ENV=test). */
  testImageServers: AddressTarget[] | undefined;
  help: boolean;
}

export const DEFAULT_PORT = 5183;

export const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--demo-rate N]

  --port N        port on 127.0.0.1 (env SHIFTDESK_PORT; default ${DEFAULT_PORT}; 0 picks a free port)
  --data-dir DIR  folder of the local database (env SHIFTDESK_DATA_DIR; default: the desktop app's folder)
  --demo-rate N   new demo messages per minute (env SHIFTDESK_DEMO_RATE; default 2; 0 stops new traffic)`;

/** The folder Electron's app.getPath('userData') uses, so both modes share one workspace. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Shiftdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Shiftdesk');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Shiftdesk');
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return port;
}

function parseRate(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 0 || rate > 6000) throw new Error(`--demo-rate must be a number from 0 to 6000, not "${value}"`);
  return rate;
}

function parsePollInterval(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 3_600_000) throw new Error(`SHIFTDESK_POLL_INTERVAL_MS must be 100 to 3600000, not "${value}"`);
  return ms;
}

/** SHIFTDESK_TEST_IMAGE_SERVERS=127.0.0.1:8081,127.0.0.1:8082 */
function parseImageServers(value: string): AddressTarget[] {
  return value.split(',').map((entry) => {
    const match = /^(127\.0\.0\.1):(\d{1,5})$/.exec(entry.trim());
    if (!match) throw new Error(`SHIFTDESK_TEST_IMAGE_SERVERS takes 127.0.0.1:PORT entries, not "${entry}"`);
    return { address: match[1]!, port: parsePort(match[2]!) };
  });
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) throw new Error(`SHIFTDESK_DEMO_BREACH_SECONDS must be 0 to 3600, not "${value}"`);
  return seconds;
}

function parseShare(value: string): number {
  const share = Number(value);
  if (value.trim() === '' || !(share >= 0 && share <= 1)) throw new Error(`SHIFTDESK_DEMO_SURVEY_ANSWERS must be 0 to 1, not "${value}"`);
  return share;
}

export function parseWebOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): WebOptions {
  const options: WebOptions = {
    port: env.SHIFTDESK_PORT ? parsePort(env.SHIFTDESK_PORT) : DEFAULT_PORT,
    dataDir: env.SHIFTDESK_DATA_DIR || defaultDataDir(env),
    demoRate: env.SHIFTDESK_DEMO_RATE ? parseRate(env.SHIFTDESK_DEMO_RATE) : undefined,
    demoBreachSeconds: env.SHIFTDESK_DEMO_BREACH_SECONDS ? parseSeconds(env.SHIFTDESK_DEMO_BREACH_SECONDS) : undefined,
    pollIntervalMs: env.SHIFTDESK_POLL_INTERVAL_MS ? parsePollInterval(env.SHIFTDESK_POLL_INTERVAL_MS) : undefined,
    demoSurveyAnswers: env.SHIFTDESK_DEMO_SURVEY_ANSWERS ? parseShare(env.SHIFTDESK_DEMO_SURVEY_ANSWERS) : undefined,
    testImageServers: env.NODE_ENV === 'test' && env.SHIFTDESK_TEST_IMAGE_SERVERS ? parseImageServers(env.SHIFTDESK_TEST_IMAGE_SERVERS) : undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') options.port = parsePort(value());
    else if (flag === '--data-dir') options.dataDir = value();
    else if (flag === '--demo-rate') options.demoRate = parseRate(value());
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`Unknown option ${flag}`);
  }
  return options;
}
