// The "Continue by e-mail" form's values, its checks (each names what to fix) and the call it makes.
import { z } from 'zod';
import type { Account, ConversationDetail } from '@shared/domain';

export type MoveField = 'accountId' | 'address' | 'subject' | 'body' | 'notice';
export type MoveErrors = Partial<Record<MoveField, 'accountId' | 'address' | 'addressFormat' | 'subject' | 'body' | 'notice'>>;

export interface MoveValues {
  accountId: string;
  address: string;
  subject: string;
  body: string;
  /** Post a short public note in the original conversation. */
  withNotice: boolean;
  notice: string;
}

export const emailAccounts = (accounts: readonly Account[]): Account[] => accounts.filter((a) => a.platform === 'email');

/** Where a conversation can be continued by e-mail: not already e-mail, not moved, not a listening hit. */
export function canMoveToEmail(detail: ConversationDetail, accounts: readonly Account[]): boolean {
  const { conversation } = detail;
  return conversation.kind !== 'email' && conversation.status !== 'listening' && conversation.movedToId === null && emailAccounts(accounts).length > 0;
}

const looksLikeEmail = (value: string) => z.email().safeParse(value).success;

export function initialMoveValues(detail: ConversationDetail, accounts: readonly Account[], defaults: { subject: string; notice: string }): MoveValues {
  const handle = detail.customer.handle.replace(/^@/, '');
  return {
    accountId: emailAccounts(accounts)[0]?.id ?? '',
    // A customer who wrote from an address (rare on social) needs no typing.
    address: looksLikeEmail(handle) ? handle : '',
    subject: defaults.subject,
    body: '',
    withNotice: true,
    notice: defaults.notice,
  };
}

const ORDER: MoveField[] = ['accountId', 'address', 'subject', 'body', 'notice'];

export function validateMove(values: MoveValues): MoveErrors {
  const errors: MoveErrors = {};
  if (!values.accountId) errors.accountId = 'accountId';
  if (!values.address.trim()) errors.address = 'address';
  else if (!looksLikeEmail(values.address.trim())) errors.address = 'addressFormat';
  if (!values.subject.trim()) errors.subject = 'subject';
  if (!values.body.trim()) errors.body = 'body';
  if (values.withNotice && !values.notice.trim()) errors.notice = 'notice';
  return errors;
}

export const firstMoveError = (errors: MoveErrors): MoveField | null => ORDER.find((f) => errors[f] !== undefined) ?? null;

export function toMoveInput(conversationId: number, values: MoveValues, clientId: string) {
  return {
    id: conversationId,
    accountId: values.accountId,
    address: values.address.trim(),
    subject: values.subject.trim(),
    body: values.body.trim(),
    notice: values.withNotice ? values.notice.trim() : undefined,
    clientId,
  };
}
