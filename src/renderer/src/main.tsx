// Renderer entry: languages first (they set <html lang dir>), then the transport, then React.
// The first render waits for the last UI language's strings so a reload does not flash another.
import './zodWithoutEval';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/charts/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { uiLanguage } from '@shared/pickLanguage';
import { App } from './app/App';
import { startBridge } from './bridge/startBridge';
import { initI18n, LOCALE_LANGUAGES, switchLanguage } from './i18n/i18n';
import { lastLanguage, systemLanguages } from './i18n/systemLanguages';

initI18n();
const bridge = startBridge();

void switchLanguage(lastLanguage() ?? uiLanguage(null, systemLanguages(), LOCALE_LANGUAGES)).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App bridge={bridge} />
    </StrictMode>,
  ),
);
