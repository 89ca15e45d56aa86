// Providers (Mantine, notifications, the core) around the inbox, or the page that explains the
// missing browser-mode token.
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Bridge } from '../bridge/startBridge';
import { createChangeFeed } from '../live/changeFeed';
import { DeskProvider, type DeskContextValue } from './deskContext';
import { MissingTokenPage } from './MissingTokenPage';
import { Shell } from './Shell';
import { theme } from './theme';
import { WorkspaceProvider } from './workspaceContext';
import { TranslationSettingsProvider } from '../features/translation/translationSettingsContext';

export function App({ bridge, direction }: { bridge: Bridge; direction: 'ltr' | 'rtl' }) {
  return (
    <DirectionProvider initialDirection={direction} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        {/* Toasts stack over the customer panel, clear of the thread header and the reply box. */}
        <Notifications position={direction === 'rtl' ? 'top-left' : 'top-right'} limit={5} zIndex={1000} containerWidth={300} className="shiftdesk-toasts" />
        {bridge.kind === 'ready' ? <ConnectedApp bridge={bridge} /> : <MissingTokenPage />}
      </MantineProvider>
    </DirectionProvider>
  );
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
        <TranslationSettingsProvider>
          <Shell />
        </TranslationSettingsProvider>
      </WorkspaceProvider>
    </DeskProvider>
  );
}
