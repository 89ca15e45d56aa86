// Brand-voice guidelines per account, on a real SQLite file: empty until saved, kept across a
// reopening, validated, and gone with their account.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrandVoice, emptyBrandVoice, type BrandVoiceGuidelines } from '@shared/cannedResponses';
import { createRepos } from '../repos';
import { openDatabase } from '../db/database';
import { ACCOUNT_ID, makeRepos, manualClock, tempDir } from '../../../../test/support/coreFixtures';
import { EventBus } from '../events';
import type { ChangesEvent } from '@shared/domain';
import { BrandVoice } from './brandVoice';

const guidelines: BrandVoiceGuidelines = {
  bannedPhrases: ['no problem', 'per my last message'],
  requiredSignOff: '^Ana',
  slangAndIdioms: { en: ['piece of cake'], lv: ['nav ne vainas'] },
  toneHints: ['Warm, short sentences'],
};

function brandVoice(path: string) {
  const repos = makeRepos(path);
  const events = new EventBus();
  const changes: ChangesEvent[] = [];
  events.on('changes', (e) => changes.push(e));
  return { repos, changes, voice: new BrandVoice({ repos, clock: manualClock(), events }) };
}

describe('brand voice', () => {
  it('is empty until saved, then read back after the database is reopened', () => {
    const path = join(tempDir(), 'shiftdesk.sqlite');
    const { repos, voice, changes } = brandVoice(path);
    expect(voice.get(ACCOUNT_ID)).toEqual(emptyBrandVoice());
    expect(voice.save(ACCOUNT_ID, guidelines)).toEqual(guidelines);
    expect(changes).toEqual([{ tables: ['brandVoice'], conversationIds: [] }]);
    repos.db.close();

    const reopened = createRepos(openDatabase(path));
    const again = new BrandVoice({ repos: reopened, clock: manualClock(), events: new EventBus() });
    const read = again.get(ACCOUNT_ID);
    expect(read).toEqual(guidelines);
    // What the composer will do with it.
    expect(checkBrandVoice('No problem, a piece of cake!', 'en-GB', read).map((f) => f.kind).sort()).toEqual(['banned', 'missing-sign-off', 'slang']);
    // Saving again replaces the whole document.
    again.save(ACCOUNT_ID, { ...emptyBrandVoice(), bannedPhrases: ['asap'] });
    expect(again.get(ACCOUNT_ID)).toEqual({ ...emptyBrandVoice(), bannedPhrases: ['asap'] });
    reopened.db.close();
  });

  it('refuses an unknown account and invalid guidelines, keeping what was saved', () => {
    const { voice } = brandVoice(join(tempDir(), 'shiftdesk.sqlite'));
    expect(() => voice.get('nobody')).toThrow('Account nobody was not found');
    expect(() => voice.save('nobody', guidelines)).toThrow('Account nobody was not found');
    voice.save(ACCOUNT_ID, guidelines);
    expect(() => voice.save(ACCOUNT_ID, { ...guidelines, slangAndIdioms: { 'not a tag!': ['x'] } })).toThrow(/language 'not a tag!' is not a language tag/);
    expect(() => voice.save(ACCOUNT_ID, { ...guidelines, bannedPhrases: ['  '] })).toThrow(/bannedPhrases\.0/);
    expect(voice.get(ACCOUNT_ID)).toEqual(guidelines);
  });

  it('goes with its account', () => {
    const { repos, voice } = brandVoice(join(tempDir(), 'shiftdesk.sqlite'));
    voice.save(ACCOUNT_ID, guidelines);
    repos.workspace.removeAccount(ACCOUNT_ID);
    expect(repos.db.prepare('SELECT COUNT(*) FROM brand_voice').pluck().get()).toBe(0);
  });
});
