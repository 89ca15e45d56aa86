// Entry point of the desktop app (built to out/main/index.js). Wiring only: the plain-Node
// adapters and the core here, everything Electron in src/main/electron.
import { userInfo } from 'node:os';
import { createCore } from './core';
import { createKeytarSecretStore } from './core/adapters/keytarSecretStore';
import { createLogger } from './core/adapters/logger';
import { runDesktopApp } from './electron/app';

function agentName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

const logger = createLogger('desktop');

runDesktopApp({
  logger,
  keychain: createKeytarSecretStore(),
  createCore: ({ dataDir, notifier, badge, secrets, doNotDisturb, systemLanguages, updater }) =>
    createCore({
      dataDir,
      notifier,
      badge,
      secrets,
      doNotDisturb,
      systemLanguages,
      updater,
      logger,
      selfName: agentName(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
});
