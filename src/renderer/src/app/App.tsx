// Providers (Mantine, notifications, the core) around the inbox, or the page that explains the
// missing browser-mode token.
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bridge } from '../bridge/startBridge';
import { useFollowUiLanguage } from '../features/language/useFollowUiLanguage';
import { createChangeFeed } from '../live/changeFeed';
import { DeskProvider, type DeskContextValue } from './deskContext';
import { MissingTokenPage } from './MissingTokenPage';
import { Shell } from './Shell';
import { theme } from './theme';
import { WorkspaceProvider } from './workspaceContext';
import { TranslationSettingsProvider } from '../features/translation/translationSettingsContext';

export function App({ bridge }: { bridge: Bridge }) {
  const { i18n } = useTranslation();
  const direction = i18n.dir(i18n.language);
  return (
    <DirectionProvider initialDirection={direction} detectDirection={false}>
      <FollowDirection direction={direction} />
      <MantineProvider theme={theme} defaultColorScheme="auto">
        {/* Toasts stack over the customer panel, clear of the thread header and the reply box. */}
        <Notifications position={direction === 'rtl' ? 'top-left' : 'top-right'} limit={5} zIndex={1000} containerWidth={300} className="shiftdesk-toasts" />
        {bridge.kind === 'ready' ? <ConnectedApp bridge={bridge} /> : <MissingTokenPage />}
      </MantineProvider>
    </DirectionProvider>
  );
}

/** Mantine's direction follows the UI language (Arabic: right to left). */
function FollowDirection({ direction }: { direction: 'ltr' | 'rtl' }) {
  const { setDirection } = useDirection();
  useEffect(() => setDirection(direction), [direction, setDirection]);
  return null;
}

function FollowUiLanguage() {
  useFollowUiLanguage();
  return null;
}

function ConnectedApp({ bridge }: { bridge: Extract<Bridge, { kind: 'ready' }> }) {
  const [value] = useState<DeskContextValue>(() => ({
    desk: bridge.desk,
    connection: bridge.connection,
    changes: createChangeFeed(bridge.desk, bridge.connection),
    mode: bridge.mode,
  }));
  return (
    <DeskProvider value={value}>
      <WorkspaceProvider>
        <FollowUiLanguage />
        <TranslationSettingsProvider>
          <Shell />
        </TranslationSettingsProvider>
      </WorkspaceProvider>
    </DeskProvider>
  );
}
