import { describe, expect, it } from 'vitest';
import { feedProblem, toFormValues, toSettingsInput } from './updateForm';

describe('update form', () => {
  it('an empty address is the built-in feed', () => {
    const values = toFormValues({ channel: 'stable', feedUrl: null, builtInFeedUrl: 'https://updates.example.com', autoDownload: true });
    expect(values).toEqual({ channel: 'stable', feedUrl: '', autoDownload: true });
    expect(feedProblem({ ...values, feedUrl: '   ' })).toBeNull();
    expect(toSettingsInput({ ...values, feedUrl: '  ' })).toEqual({ channel: 'stable', feedUrl: null, autoDownload: true });
  });

  it('names what is wrong with an override', () => {
    const values = { channel: 'beta' as const, feedUrl: 'http://updates.example.com', autoDownload: false };
    expect(feedProblem(values)).toBe('insecure');
    expect(feedProblem({ ...values, feedUrl: 'http://127.0.0.1:8080/' })).toBeNull();
    expect(toSettingsInput({ ...values, feedUrl: ' https://mirror.example.com/ ' })).toEqual({ channel: 'beta', feedUrl: 'https://mirror.example.com/', autoDownload: false });
  });
});
