import { describe, expect, it } from 'vitest';
import type { Account, ListeningStream } from '@shared/domain';
import { canListen, emptyStreamValues, firstStreamError, streamsByAccount, toStreamInput, validateStream } from './listeningForm';

const account = (id: string, platform: Account['platform']): Account => ({
  id,
  platform,
  name: id,
  handle: `@${id}`,
  role: 'support',
  connector: 'simulator',
  secretBackend: null,
});
const accounts = [account('ig', 'instagram'), account('x', 'x'), account('bsky', 'bluesky'), account('masto', 'mastodon'), account('mail', 'email')];
const stream = (id: string, accountId: string): ListeningStream => ({
  id,
  accountId,
  name: id,
  query: 'q',
  intent: 'support',
  lastRunAt: null,
  lastError: null,
});

describe('listening form', () => {
  it('offers only accounts whose platform can search', () => {
    expect(accounts.filter(canListen).map((a) => a.id)).toEqual(['x', 'bsky', 'masto']);
    expect(emptyStreamValues(accounts).accountId).toBe('x');
    expect(emptyStreamValues([account('ig', 'instagram')]).accountId).toBe('');
  });

  it('asks for an account that can listen, a name and a query', () => {
    const values = { accountId: 'ig', name: '  ', query: '', intent: 'sales' as const };
    const errors = validateStream(values, accounts);
    expect(errors).toEqual({ accountId: 'account', name: 'name', query: 'query' });
    expect(firstStreamError(errors)).toBe('accountId');
    expect(validateStream({ ...values, accountId: 'x', name: 'Miles', query: 'miles' }, accounts)).toEqual({});
    expect(firstStreamError({})).toBeNull();
  });

  it('trims what it sends', () => {
    expect(toStreamInput({ accountId: 'x', name: ' Miles ', query: ' "Aurora Air" OR miles ', intent: 'sales' })).toEqual({
      accountId: 'x',
      name: 'Miles',
      query: '"Aurora Air" OR miles',
      intent: 'sales',
    });
  });

  it('groups streams by account in the workspace order', () => {
    const groups = streamsByAccount([stream('a', 'bsky'), stream('b', 'x'), stream('c', 'gone'), stream('d', 'bsky')], accounts);
    expect(groups.map((g) => [g.accountId, g.streams.map((s) => s.id)])).toEqual([
      ['x', ['b']],
      ['bsky', ['a', 'd']],
      ['gone', ['c']],
    ]);
    expect(groups[2]!.account).toBeUndefined();
  });
});
