// The Add listening stream form without the DOM: which accounts can listen, the values, their
// checks (the contract's limits, said in the agent's words) and the call they make.
import type { Account, ConversationIntent, ListeningStream, Platform } from '@shared/domain';

/** Platforms whose connectors offer search, which listening needs (the core refuses the rest). */
export const LISTENING_PLATFORMS: readonly Platform[] = ['x', 'bluesky', 'mastodon'];

export const MAX_STREAM_NAME_LENGTH = 100;
export const MAX_STREAM_QUERY_LENGTH = 500;
export const INTENTS: readonly ConversationIntent[] = ['support', 'sales'];

export const canListen = (account: Pick<Account, 'platform'>): boolean => LISTENING_PLATFORMS.includes(account.platform);

export interface StreamValues {
  accountId: string;
  name: string;
  query: string;
  intent: ConversationIntent;
}

export type StreamField = 'accountId' | 'name' | 'query';
/** Keys under listening.form.required. */
export type StreamErrors = Partial<Record<StreamField, 'account' | 'name' | 'query'>>;

export const STREAM_FIELDS: readonly StreamField[] = ['accountId', 'name', 'query'];

export function emptyStreamValues(accounts: readonly Account[]): StreamValues {
  return { accountId: accounts.find(canListen)?.id ?? '', name: '', query: '', intent: 'support' };
}

export function validateStream(values: StreamValues, accounts: readonly Account[]): StreamErrors {
  const errors: StreamErrors = {};
  if (!accounts.some((a) => a.id === values.accountId && canListen(a))) errors.accountId = 'account';
  if (values.name.trim() === '') errors.name = 'name';
  if (values.query.trim() === '') errors.query = 'query';
  return errors;
}

export const firstStreamError = (errors: StreamErrors): StreamField | null => STREAM_FIELDS.find((f) => f in errors) ?? null;

export function toStreamInput(values: StreamValues): StreamValues {
  return { accountId: values.accountId, name: values.name.trim(), query: values.query.trim(), intent: values.intent };
}

/** Streams grouped by account, in the order of the workspace's accounts (unknown ones last). */
export function streamsByAccount(
  streams: readonly ListeningStream[],
  accounts: readonly Account[],
): { accountId: string; account: Account | undefined; streams: ListeningStream[] }[] {
  const groups = new Map<string, ListeningStream[]>();
  for (const stream of streams) {
    const list = groups.get(stream.accountId) ?? [];
    list.push(stream);
    groups.set(stream.accountId, list);
  }
  const known = accounts.filter((a) => groups.has(a.id)).map((a) => ({ accountId: a.id, account: a as Account | undefined, streams: groups.get(a.id)! }));
  const unknown = [...groups.keys()]
    .filter((id) => !accounts.some((a) => a.id === id))
    .map((id) => ({ accountId: id, account: undefined, streams: groups.get(id)! }));
  return [...known, ...unknown];
}
