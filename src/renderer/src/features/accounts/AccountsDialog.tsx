// The accounts screen, as one dialog with views: the list ("Manage accounts"), Add account,
// Edit, Sign in again and Remove. Opened from the queue rail; it keeps no credentials anywhere
// but the open form's state (gone when the form closes).
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, SyncStatus } from '@shared/domain';
import { useWorkspace } from '../../app/workspaceContext';
import { useAccountLabel } from '../../components/useAccountLabel';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { isAccountConnector } from './accountForm';
import { AccountList, type AccountAction } from './AccountList';
import { AddAccountForm } from './AddAccountForm';
import { EditAccountForm } from './EditAccountForm';
import { RemoveAccountConfirm } from './RemoveAccountConfirm';
import { SignInAgainForm } from './SignInAgainForm';

export type AccountsView =
  | { kind: 'list' }
  | { kind: 'add'; fromList: boolean }
  | { kind: AccountAction; accountId: string };

export interface AccountsDialogProps {
  /** What the dialog shows; null when it is closed. */
  view: AccountsView | null;
  onView(view: AccountsView | null): void;
  sync: SyncStatus | undefined;
  onAdded(account: Account): void;
  onRemoved(account: Account): void;
}

type Notice = { key: 'saved' | 'signedIn' | 'removed'; account: string } | null;

export function AccountsDialog({ view, onView, sync, onAdded, onRemoved }: AccountsDialogProps) {
  const { t } = useTranslation();
  const { workspace, account: findAccount } = useWorkspace();
  const accountLabel = useAccountLabel();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  // The last view stays on screen while the dialog fades out.
  const [shown, setShown] = useState<AccountsView>(view ?? { kind: 'list' });
  const [previous, setPrevious] = useState<AccountsView | null>(view);
  const [notice, setNotice] = useState<Notice>(null);
  const [focusAccountId, setFocusAccountId] = useState<string | null>(null);
  if (view !== previous) {
    setPrevious(view);
    if (view !== null) setShown(view);
    if (previous === null) {
      // Opened again: nothing left over from last time.
      setNotice(null);
      setFocusAccountId(null);
    }
  }
  const opened = view !== null;

  const current = view ?? shown;
  const target = 'accountId' in current ? findAccount(current.accountId) : undefined;
  // An account removed meanwhile (elsewhere): back to the list.
  const effective: AccountsView = 'accountId' in current && !target && workspace ? { kind: 'list' } : current;

  const toList = (next: Notice = null, accountId: string | null = null) => {
    setNotice(next);
    setFocusAccountId(accountId);
    onView({ kind: 'list' });
  };

  const title = {
    list: t('accounts.manage'),
    add: t('accounts.add'),
    edit: t('accounts.editTitle'),
    signIn: t('accounts.signInTitle'),
    remove: t('accounts.removeTitle'),
  }[effective.kind];

  let body: ReactNode;
  switch (effective.kind) {
    case 'list':
      body = (
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {t('accounts.listLabel')}
            </Text>
            <Button size="xs" onClick={() => onView({ kind: 'add', fromList: true })} data-autofocus={focusAccountId === null || undefined}>
              {t('accounts.add')}
            </Button>
          </Group>
          <AccountList
            accounts={workspace?.accounts ?? []}
            sync={sync}
            focusAccountId={focusAccountId}
            onAction={(action, account) => {
              setNotice(null);
              onView({ kind: action, accountId: account.id });
            }}
          />
        </Stack>
      );
      break;
    case 'add':
      body = (
        <AddAccountForm
          onAdded={(account) => {
            onAdded(account);
            onView(null);
          }}
          onCancel={() => (effective.fromList ? toList() : onView(null))}
        />
      );
      break;
    case 'edit':
      body = target && (
        <EditAccountForm
          account={target}
          onSaved={(saved) => toList({ key: 'saved', account: accountLabel(saved) }, saved.id)}
          onCancel={() => toList(null, target.id)}
        />
      );
      break;
    case 'signIn':
      body = target && isAccountConnector(target.connector) && (
        <SignInAgainForm
          account={target}
          connector={target.connector}
          onDone={(updated) => toList({ key: 'signedIn', account: accountLabel(updated) }, updated.id)}
          onCancel={() => toList(null, target.id)}
        />
      );
      break;
    case 'remove':
      body = target && (
        <RemoveAccountConfirm
          account={target}
          onRemoved={() => {
            onRemoved(target);
            toList({ key: 'removed', account: accountLabel(target) });
          }}
          onCancel={() => toList(null, target.id)}
        />
      );
      break;
  }

  return (
    <Modal
      opened={opened}
      onClose={() => onView(null)}
      title={title}
      size="lg"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('accounts.close') }}
      data-testid="accounts-dialog"
      data-view={effective.kind}
    >
      {/* Outlives the views, so what just happened is announced when the list comes back. */}
      <div role="status" aria-atomic="true" data-testid="accounts-notice">
        {notice && effective.kind === 'list' && (
          <Text size="sm" c="teal.8" fw={500} mb="sm">
            <TemplateText template={t(`accounts.notice.${notice.key}`, markers('account'))} values={{ account: notice.account }} />
          </Text>
        )}
      </div>
      <ViewFocus key={`${effective.kind}:${'accountId' in effective ? effective.accountId : ''}`}>{body}</ViewFocus>
    </Modal>
  );
}

/** Each view takes the focus when it appears (its [data-autofocus] element, or its first control),
 * so the keyboard never falls out of the dialog when the previous view's button disappears. */
function ViewFocus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || root.contains(document.activeElement)) return;
    const target =
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      root.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled]), [tabindex="0"]');
    target?.focus();
  }, []);
  return <div ref={ref}>{children}</div>;
}
