import { describe, expect, it } from 'vitest';
import { DeskError } from '@shared/errors';
import { createTranslator } from '../core/i18n/translator';
import { describeStartupError } from './startupError';

const t = createTranslator();

describe('describeStartupError', () => {
  it("shows a known condition's own message", () => {
    const error = new DeskError('DatabaseTooNew', 'This workspace was saved by a newer Shiftdesk. Update Shiftdesk to open it.');
    expect(describeStartupError(error, t)).toEqual({ title: 'Shiftdesk cannot start', message: error.message, unexpected: false });
  });

  it('wraps a bug in a message that says what happened and what to do', () => {
    const report = describeStartupError(new TypeError('x is undefined'), t);
    expect(report.unexpected).toBe(true);
    expect(report.message).toContain('x is undefined');
    expect(report.message).toMatch(/report/);
    expect(describeStartupError('plain string', t).message).toContain('plain string');
  });

  it("speaks the system's language", () => {
    const german = createTranslator('de');
    expect(describeStartupError(new Error('kaputt'), german).message).toBe(german('startupError.unexpected', { detail: 'kaputt' }));
  });
});
