// Sharing the library with another desk: export it as JSON (lossless) or CSV (one row per
// variant, for spreadsheets), and import either. An import is all or nothing: the core names each
// bad row, and nothing is imported until the file is right.
import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { FormSection } from '../sla/FormSection';
import { downloadText, exportFileName, importFormat } from './download';

type ImportOutcome = { ok: true; fileName: string; imported: number } | { ok: false; fileName: string; message: string } | null;

/** `onImported`: the list's earlier notice no longer describes the library. */
export function SharePanel({ onImported }: { onImported?(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [busy, setBusy] = useState<'json' | 'csv' | 'import' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome>(null);
  // Cleared after each import, so the same file can be picked again once it is fixed.
  const resetFile = useRef<() => void>(null);

  const exportAs = async (format: 'json' | 'csv') => {
    setBusy(format);
    setExportError(null);
    try {
      const { text } = await desk.exportCannedResponses({ format });
      downloadText(exportFileName(format, new Date()), text, format === 'json' ? 'application/json' : 'text/csv');
    } catch (error) {
      setExportError(describeError(t, error));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setBusy('import');
    setOutcome(null);
    try {
      const text = await file.text();
      const { imported } = await desk.importCannedResponses({ format: importFormat(file.name, text), text });
      setOutcome({ ok: true, fileName: file.name, imported });
      onImported?.();
    } catch (error) {
      setOutcome({ ok: false, fileName: file.name, message: describeError(t, error) });
    } finally {
      setBusy(null);
      resetFile.current?.();
    }
  };

  return (
    <FormSection title={t('library.share.title')} hint={t('library.share.hint')}>
      <Stack gap="xs">
        <Group gap="xs">
          <Button size="xs" variant="default" loading={busy === 'json'} disabled={busy !== null} onClick={() => void exportAs('json')}>
            {t('library.share.exportJson')}
          </Button>
          <Button size="xs" variant="default" loading={busy === 'csv'} disabled={busy !== null} onClick={() => void exportAs('csv')}>
            {t('library.share.exportCsv')}
          </Button>
          <FileButton resetRef={resetFile} onChange={(file) => void importFile(file)} accept=".json,.csv,application/json,text/csv" inputProps={{ 'aria-label': t('library.share.importFile') }}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={busy === 'import'} disabled={busy !== null}>
                {t('library.share.import')}
              </Button>
            )}
          </FileButton>
        </Group>
        <div role="status" aria-atomic="true" data-testid="library-import-status">
          {outcome?.ok && (
            <Text size="sm" c="teal.8" fw={500}>
              {t('library.share.imported', { count: outcome.imported, file: outcome.fileName })}
            </Text>
          )}
        </div>
        <div role="alert" aria-atomic="true" data-testid="library-share-error">
          {outcome && !outcome.ok && (
            <Alert role="none" color="red" variant="light" title={t('library.share.importFailed', { file: outcome.fileName })} py={8}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {outcome.message}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('library.share.nothingImported')}
              </Text>
            </Alert>
          )}
          {exportError && (
            <Alert role="none" color="red" variant="light" title={t('library.share.exportFailed')} py={8}>
              {exportError}
            </Alert>
          )}
        </div>
      </Stack>
    </FormSection>
  );
}
