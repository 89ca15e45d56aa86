import { describe, expect, it } from 'vitest';
import { isolate } from './bidi';

describe('isolate', () => {
  it('wraps the text in first-strong isolates', () => {
    expect(isolate('خالد')).toBe('\u2068خالد\u2069');
    // An override inside cannot leak: it is closed by the PDI with its isolate.
    expect(isolate('\u202Eevil')).toBe('\u2068\u202Eevil\u2069');
  });
});
