import { describe, expect, it } from 'vitest';
import type { Account, ConversationDetail } from '@shared/domain';
import { canMoveToEmail, firstMoveError, initialMoveValues, toMoveInput, validateMove } from './moveToEmailForm';

const account = (id: string, platform: Account['platform']): Account => ({ id, platform, name: id, handle: `${id}@example.com`, role: 'support', connector: 'simulator', secretBackend: null });
const accounts = [account('x', 'x'), account('mail', 'email')];
const detail = (over: Partial<ConversationDetail['conversation']> = {}, handle = '@kim'): ConversationDetail =>
  ({
    conversation: { id: 7, kind: 'mention', status: 'open', movedToId: null, movedFromId: null, ...over },
    account: accounts[0]!,
    customer: { displayName: 'Kim', handle },
  }) as unknown as ConversationDetail;
const defaults = { subject: 'Your message', notice: 'See your inbox.' };

describe('continue by e-mail form', () => {
  it('is offered for open social conversations when the desk has an e-mail account', () => {
    expect(canMoveToEmail(detail(), accounts)).toBe(true);
    expect(canMoveToEmail(detail(), [accounts[0]!])).toBe(false);
    expect(canMoveToEmail(detail({ kind: 'email' }), accounts)).toBe(false);
    expect(canMoveToEmail(detail({ status: 'listening' }), accounts)).toBe(false);
    expect(canMoveToEmail(detail({ movedToId: 9 }), accounts)).toBe(false);
  });

  it('starts from the first e-mail account, the defaults, and the address when the handle is one', () => {
    expect(initialMoveValues(detail(), accounts, defaults)).toEqual({ accountId: 'mail', address: '', subject: 'Your message', body: '', withNotice: true, notice: 'See your inbox.' });
    expect(initialMoveValues(detail({}, 'kim@example.com'), accounts, defaults).address).toBe('kim@example.com');
  });

  it('names each missing or wrong field, in the order of the form', () => {
    const values = { ...initialMoveValues(detail(), accounts, defaults), subject: ' ', notice: '' };
    const errors = validateMove(values);
    expect(errors).toEqual({ address: 'address', subject: 'subject', body: 'body', notice: 'notice' });
    expect(firstMoveError(errors)).toBe('address');
    expect(validateMove({ ...values, address: 'kim at example', subject: 's', body: 'b', withNotice: false })).toEqual({ address: 'addressFormat' });
  });

  it('sends the note only when it is ticked, trimmed', () => {
    const values = { accountId: 'mail', address: ' kim@example.com ', subject: ' S ', body: ' B ', withNotice: false, notice: 'N' };
    expect(toMoveInput(7, values, 'id')).toEqual({ id: 7, accountId: 'mail', address: 'kim@example.com', subject: 'S', body: 'B', notice: undefined, clientId: 'id' });
    expect(toMoveInput(7, { ...values, withNotice: true }, 'id').notice).toBe('N');
  });
});
