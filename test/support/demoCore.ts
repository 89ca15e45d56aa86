// The whole core on a real data folder with the demo workspace, for tests: `start` creates and
// starts one (stopped after each test), `until` polls a read until it passes.
import { afterEach } from 'vitest';
import { createMemoryBadge, rendererNotifier } from '../../src/main/core/adapters/headless';
import { silentLogger } from '../../src/main/core/adapters/logger';
import { createCore, type Core, type CoreOptions } from '../../src/main/core/index';

const secrets = { backend: 'none', get: async () => null, set: async () => 'none', delete: async () => false };

/** Call at a test file's top level: the cores it starts are stopped after each test. */
export function demoCores(defaults: Partial<CoreOptions>): (dataDir: string, overrides?: Partial<CoreOptions>) => Core {
  const cores: Core[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.stop()));
  });
  return (dataDir, overrides = {}) => {
    const core = createCore({
      dataDir,
      notifier: rendererNotifier,
      badge: createMemoryBadge(),
      secrets,
      logger: silentLogger,
      selfName: 'Sam',
      pullIntervalMs: 50,
      backoff: { baseMs: 20, capMs: 40 },
      ...defaults,
      ...overrides,
    });
    cores.push(core);
    core.start();
    return core;
  };
}

export async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
