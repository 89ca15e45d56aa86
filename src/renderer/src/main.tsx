// Renderer entry: languages first (they set <html lang dir>), then the transport, then React.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startBridge } from './bridge/startBridge';
import { initI18n } from './i18n/i18n';

const i18n = initI18n();
const bridge = startBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={bridge} direction={i18n.dir(i18n.language)} />
  </StrictMode>,
);
