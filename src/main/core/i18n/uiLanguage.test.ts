// The agent's interface language, stored in the core (a real SQLite file): the contract
// validates it, native strings follow it, and it survives a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '@shared/contract';
import type { Agent } from '@shared/domain';
import { tempDir } from '../../../../test/support/coreFixtures';
import { createMemoryBadge, rendererNotifier } from '../adapters/headless';
import { silentLogger } from '../adapters/logger';
import { createCore, type Core } from '../index';
import { LOCALE_LANGUAGES } from './translator';

const secrets = { backend: 'none', get: async () => null, set: async () => 'none', delete: async () => false };
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()));
});

function open(dataDir: string, systemLanguages: readonly string[] = ['en-GB']) {
  const core = createCore({ dataDir, notifier: rendererNotifier, badge: createMemoryBadge(), secrets, logger: silentLogger, demo: false, systemLanguages: () => systemLanguages });
  cores.push(core);
  return core;
}

describe('the interface language', () => {
  it('follows the system until the agent chooses one', async () => {
    const core = open(tempDir());
    expect((await core.handlers.getWorkspace({})).self.uiLanguage).toBeNull();
    expect(core.translator.language()).toBe('en-GB');
  });

  it('is stored for the agent, followed by native strings, and kept across a restart', async () => {
    const dir = tempDir();
    const core = open(dir);
    const changes: unknown[] = [];
    core.events.on('changes', (c) => changes.push(c));
    const self = (await dispatch(core.handlers, 'setMyUiLanguage', { uiLanguage: 'ar' })) as Agent;
    expect(self.uiLanguage).toBe('ar');
    expect(core.translator.language()).toBe('ar');
    expect(changes).toEqual([{ tables: ['accounts'], conversationIds: [] }]);
    await core.stop();

    const again = open(dir, ['de-DE']);
    expect((await again.handlers.getWorkspace({})).self.uiLanguage).toBe('ar');
    expect(again.translator.language()).toBe('ar');
    await dispatch(again.handlers, 'setMyUiLanguage', { uiLanguage: null });
    expect(again.translator.language()).toBe(LOCALE_LANGUAGES.includes('de') ? 'de-DE' : 'en');
  });

  it('refuses a language the interface does not speak, and keeps the choice', async () => {
    const core = open(tempDir());
    await dispatch(core.handlers, 'setMyUiLanguage', { uiLanguage: 'pt-BR' });
    for (const uiLanguage of ['pt', 'xx', 'AR', '', 42]) {
      await expect(dispatch(core.handlers, 'setMyUiLanguage', { uiLanguage })).rejects.toMatchObject({ name: 'InvalidInput' });
    }
    await expect(dispatch(core.handlers, 'setMyUiLanguage', {})).rejects.toMatchObject({ name: 'InvalidInput' });
    expect((await core.handlers.getWorkspace({})).self.uiLanguage).toBe('pt-BR');
  });

  it('reads a language this version does not know (from a newer one) as "follow the system"', async () => {
    const dir = tempDir();
    const core = open(dir);
    core.repos.db.prepare("UPDATE agents SET ui_language = 'tlh'").run();
    expect((await core.handlers.getWorkspace({})).self.uiLanguage).toBeNull();
  });
});
