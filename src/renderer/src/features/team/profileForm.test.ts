import { describe, expect, it } from 'vitest';
import type { AgentProfile } from '@shared/schedule';
import { splitList, toProfile, toProfileForm, validateProfileForm } from './profileForm';

const profile: AgentProfile = { agentId: 'aiko', timeZone: 'Asia/Tokyo', languages: ['ja', 'en'], skills: ['refunds'], queues: ['all'], capacity: 12, version: 3 };

describe('profile form', () => {
  it('round-trips a profile, keeping its version', () => {
    expect(toProfile(toProfileForm(profile), profile)).toEqual(profile);
  });

  it('reads lists typed with commas and spaces, each item once', () => {
    expect(splitList(' en, pt-BR ,, en\nde')).toEqual(['en', 'pt-BR', 'de']);
    const values = { ...toProfileForm(profile), languages: 'ja, en, ko', capacity: ' 5 ' };
    expect(toProfile(values, profile)).toMatchObject({ languages: ['ja', 'en', 'ko'], capacity: 5, version: 3 });
  });

  it('names each wrong field: zone, language tag, capacity', () => {
    const errors = validateProfileForm({ ...toProfileForm(profile), timeZone: 'Mars/Olympus', languages: 'en, english!', capacity: '2.5' });
    expect(errors.timeZone?.key).toBe('team.form.errors.zone');
    expect(errors.languages).toEqual({ key: 'team.form.errors.language', values: { tag: 'english!' } });
    expect(errors.capacity?.key).toBe('team.form.errors.capacity');
    expect(validateProfileForm({ ...toProfileForm(profile), capacity: '501' }).capacity).toBeDefined();
    expect(validateProfileForm({ ...toProfileForm(profile), skills: 'x'.repeat(61) }).skills).toBeDefined();
    expect(validateProfileForm(toProfileForm(profile))).toEqual({});
  });
});
