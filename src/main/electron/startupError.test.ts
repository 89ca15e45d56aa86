import { describe, expect, it } from 'vitest';
import { DeskError } from '@shared/errors';
import { describeStartupError, STARTUP_ERROR_TITLE } from './startupError';

describe('describeStartupError', () => {
  it("shows a known condition's own message", () => {
    const error = new DeskError('DatabaseTooNew', 'This workspace was saved by a newer Shiftdesk. Update Shiftdesk to open it.');
    expect(describeStartupError(error)).toEqual({ title: STARTUP_ERROR_TITLE, message: error.message, unexpected: false });
  });

  it('wraps a bug in a message that says what happened and what to do', () => {
    const report = describeStartupError(new TypeError('x is undefined'));
    expect(report.unexpected).toBe(true);
    expect(report.message).toContain('x is undefined');
    expect(report.message).toMatch(/report/);
    expect(describeStartupError('plain string').message).toContain('plain string');
  });
});
