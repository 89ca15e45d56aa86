import { describe, expect, it } from 'vitest';
import { createLiveTranslator, createTranslator } from '../core/i18n/translator';
import { parseShowBanners, watchDoNotDisturb } from './doNotDisturb';
import { trayLabels } from './trayMenu';

const t = createTranslator();
const NOW = Date.UTC(2026, 10, 23, 12);

describe('tray', () => {
  it('says how many need the agent and when the next deadline passes', () => {
    expect(trayLabels({ attention: 3, nextBreachAt: NOW + 12 * 60_000 - 5000 }, NOW, t)).toEqual({
      tooltip: 'Shiftdesk · 3 conversations need you now',
      attention: '3 conversations need you now',
      nextBreach: 'Next breach in 12 min',
    });
    expect(trayLabels({ attention: 1, nextBreachAt: NOW + 60_000 }, NOW, t).attention).toBe('1 conversation needs you now');
    expect(trayLabels({ attention: 0, nextBreachAt: null }, NOW, t)).toMatchObject({ attention: 'Nothing urgent', nextBreach: 'No deadline running' });
    expect(trayLabels({ attention: 0, nextBreachAt: NOW - 1 }, NOW, t).nextBreach).toBe('A deadline is passing now');
    expect(trayLabels({ attention: 0, nextBreachAt: NOW + 5 * 3600_000 }, NOW, t).nextBreach).toBe('Next breach in 5 h');
  });

  it("follows the agent's language: the same translator relabels after a change", () => {
    const translator = createLiveTranslator();
    const state = { attention: 2, nextBreachAt: null };
    const before = trayLabels(state, NOW, translator.t);
    translator.follow('ja', ['en-US']);
    expect(trayLabels(state, NOW, translator.t)).toEqual(trayLabels(state, NOW, createTranslator('ja')));
    translator.follow(null, ['en-US']);
    expect(trayLabels(state, NOW, translator.t)).toEqual(before);
  });
});

describe('Do Not Disturb', () => {
  it("reads GNOME's show-banners switch, and is unknown elsewhere", async () => {
    expect(parseShowBanners('false\n')).toBe(true);
    expect(parseShowBanners('true\n')).toBe(false);
    expect(parseShowBanners('No such schema')).toBeNull();
    const linux = watchDoNotDisturb('linux', async () => 'false\n');
    await new Promise((r) => setTimeout(r, 0));
    expect(linux.current()).toBe(true);
    linux.stop();
    const broken = watchDoNotDisturb('linux', async () => Promise.reject(new Error('gsettings: not found')));
    await new Promise((r) => setTimeout(r, 0));
    expect(broken.current()).toBeNull();
    broken.stop();
    expect(watchDoNotDisturb('darwin').current()).toBeNull();
  });
});
