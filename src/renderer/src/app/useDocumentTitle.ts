// The window title counts breached conversations, like a badge: "(3) Shiftdesk".
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function useDocumentTitle(breached: number | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = breached ? t('app.documentTitleBreached', { count: breached }) : t('app.documentTitle');
  }, [breached, t]);
}
