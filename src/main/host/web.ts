// Entry point of browser mode (built to out/main/web.js): the core plus the local server.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../core';
import { createMemoryBadge, rendererNotifier } from '../core/adapters/headless';
import { createKeytarSecretStore } from '../core/adapters/keytarSecretStore';
import { createLogger } from '../core/adapters/logger';
import { createImageProxy, publicAnd } from '../core/media';
import { startHost } from './server';
import { parseWebOptions, USAGE } from './webOptions';

async function main(): Promise<void> {
  let options;
  try {
    options = parseWebOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const logger = createLogger('web');
  let core;
  try {
    core = createCore({
      dataDir: options.dataDir,
      notifier: rendererNotifier,
      badge: createMemoryBadge(),
      secrets: createKeytarSecretStore(),
      logger,
      selfName: userInfo().username,
      demo: { ratePerMinute: options.demoRate, breachSoonSeconds: options.demoBreachSeconds, surveyAnswerChance: options.demoSurveyAnswers },
      pullIntervalMs: options.pollIntervalMs,
    });
  } catch (error) {
    process.stderr.write(`Shiftdesk cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  core.start();
  let host;
  try {
    const imageProxy = createImageProxy(options.testImageServers ? { policy: publicAnd(options.testImageServers) } : {});
    host = await startHost({ core, rendererDir: join(__dirname, '../renderer'), port: options.port, logger, imageProxy });
  } catch (error) {
    await core.stop();
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    process.stderr.write(
      busy ? `Port ${options.port} is in use: choose another with --port N (0 picks a free one).\n` : `Cannot start the server: ${(error as Error).message}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`Shiftdesk is running in browser mode at ${host.url}\nData folder: ${options.dataDir}\nPress Ctrl+C to stop.\n`);
  const shutdown = async () => {
    await host.close();
    await core.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void main();
