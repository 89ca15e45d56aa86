import { describe, expect, it } from 'vitest';
import { markers, templateParts } from './templateParts';

describe('templateParts', () => {
  it('splits a translated template into text and the values it names', () => {
    const m = markers('handle', 'name');
    const template = `Connected as ${m.handle} (${m.name})`;
    expect(templateParts(template)).toEqual([{ text: 'Connected as ' }, { value: 'handle' }, { text: ' (' }, { value: 'name' }, { text: ')' }]);
  });

  it('keeps a template without values whole, and values at the edges', () => {
    const m = markers('account');
    expect(templateParts('Saved.')).toEqual([{ text: 'Saved.' }]);
    expect(templateParts(`${m.account}`)).toEqual([{ value: 'account' }]);
  });
});
