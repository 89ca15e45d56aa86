// Adding or editing a canned response: title, folder, tags, shortcut and its variants (language,
// optional platform, body), each variant with a live preview. Checked here with a message per
// field; a refusal by the core (a shortcut taken meanwhile, an include that does not resolve) is
// shown in its own words.
import { ActionIcon, Autocomplete, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_VARIABLES, type CannedResponse } from '@shared/cannedResponses';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useWorkspace } from '../../app/workspaceContext';
import { useLocale } from '../../i18n/useLocale';
import { FormSection } from '../sla/FormSection';
import { SlaFeedback, type SlaError } from '../sla/SlaFeedback';
import {
  emptyResponseValues,
  firstResponseError,
  MAX_FOLDER,
  MAX_SHORTCUT,
  MAX_TITLE,
  newVariant,
  PLATFORMS,
  responseToValues,
  validateResponse,
  valuesToDraft,
  valuesToResponse,
  type ResponseErrors,
  type ResponseField,
  type ResponseValues,
  type VariantValues,
} from './responseForm';
import { previewVariant, sampleContext } from './variantPreview';
import { VariantPreviewPanel } from './VariantPreviewPanel';
import classes from './Library.module.css';

const fieldId = (field: ResponseField): string => `library-response-${field.replace(/\./g, '-')}`;

export function ResponseForm({
  response,
  library,
  onSaved,
  onCancel,
}: {
  /** The response to edit; null adds one. */
  response: CannedResponse | null;
  /** The whole library: shortcuts taken, folders in use, includes for the preview. */
  library: CannedResponse[];
  onSaved(response: CannedResponse): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const { workspace } = useWorkspace();
  const [values, setValues] = useState<ResponseValues>(() => (response ? responseToValues(response) : emptyResponseValues(locale.split('-')[0] ?? 'en')));
  const [id] = useState(() => response?.id ?? crypto.randomUUID());
  const [errors, setErrors] = useState<ResponseErrors>({});
  const [failure, setFailure] = useState<SlaError>(null);
  const [busy, setBusy] = useState(false);

  const others = useMemo(() => library.filter((r) => r.id !== id), [library, id]);
  const folders = useMemo(() => [...new Set(library.map((r) => r.folder).filter(Boolean))].sort((a, b) => a.localeCompare(b, locale)), [library, locale]);
  const context = useMemo(
    () =>
      sampleContext({
        customerName: t('library.sample.customerName'),
        customerHandle: t('library.sample.customerHandle'),
        agentName: workspace?.self.name ?? t('library.sample.agentName'),
        accountName: workspace?.accounts[0]?.name ?? t('library.sample.accountName'),
        expectedResponse: t('library.sample.expectedResponse'),
      }),
    [t, workspace],
  );

  const clear = (...fields: string[]) => {
    if (fields.some((f) => f in errors)) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !fields.includes(f))) as ResponseErrors);
  };
  const change = <K extends keyof ResponseValues>(key: K, value: ResponseValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    clear(key);
  };
  const changeVariant = (index: number, patch: Partial<VariantValues>) => {
    setValues((v) => ({ ...v, variants: v.variants.map((variant, i) => (i === index ? { ...variant, ...patch } : variant)) }));
    clear(...Object.keys(patch).map((k) => `variant.${index}.${k === 'platform' ? 'language' : k}`));
  };
  const addVariant = () => {
    setValues((v) => ({ ...v, variants: [...v.variants, newVariant()] }));
    clear('variants');
    // The new variant's language field, once it exists.
    requestAnimationFrame(() => document.getElementById(fieldId(`variant.${values.variants.length}.language`))?.focus());
  };
  const removeVariant = (index: number) => {
    setValues((v) => ({ ...v, variants: v.variants.filter((_, i) => i !== index) }));
    // Rows below moved up: their messages would point at the wrong row.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !f.startsWith('variant.'))) as ResponseErrors);
    requestAnimationFrame(() => document.getElementById('library-add-variant')?.focus());
  };

  const errorText = (field: ResponseField): string | undefined => {
    const problem = errors[field];
    if (problem === undefined) return undefined;
    return t(`library.errors.${problem}`, { max: { titleTooLong: MAX_TITLE, folderTooLong: MAX_FOLDER, shortcutTooLong: MAX_SHORTCUT }[problem as string] });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateResponse(
      values,
      others.map((r) => r.shortcut),
    );
    setErrors(found);
    const first = firstResponseError(values, found);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await desk.saveCannedResponse(valuesToResponse(values, id, response)));
    } catch (e) {
      setFailure({ title: t('library.form.saveFailed'), message: describeError(t, e) });
      setBusy(false);
    }
  };

  const draft = valuesToDraft(values, id);
  const previews = values.variants.map((_, index) => previewVariant(draft, index, others, context));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="library-response-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            id={fieldId('title')}
            label={t('library.form.title')}
            value={values.title}
            onChange={(e) => change('title', e.currentTarget.value)}
            error={errorText('title')}
            maxLength={MAX_TITLE}
            autoComplete="off"
            required
            data-autofocus
          />
          <TextInput
            id={fieldId('shortcut')}
            label={t('library.form.shortcut')}
            description={t('library.form.shortcutHint')}
            leftSection={<Text size="sm" c="dimmed" aria-hidden>/</Text>}
            value={values.shortcut}
            onChange={(e) => change('shortcut', e.currentTarget.value)}
            error={errorText('shortcut')}
            maxLength={MAX_SHORTCUT + 1}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <Autocomplete
            id={fieldId('folder')}
            label={t('library.form.folder')}
            description={t('library.form.folderHint')}
            data={folders}
            value={values.folder}
            onChange={(v) => change('folder', v)}
            error={errorText('folder')}
            maxLength={MAX_FOLDER}
          />
          <TagsInput
            id={fieldId('tags')}
            label={t('library.form.tags')}
            description={t('library.form.tagsHint')}
            value={values.tags}
            onChange={(v) => change('tags', v)}
            error={errorText('tags')}
            splitChars={[',', ' ']}
            clearable
          />
        </SimpleGrid>

        <FormSection
          title={t('library.form.variants')}
          hint={t('library.form.variantsHint', { variables: [...TEMPLATE_VARIABLES, 'custom.field'].map((v) => `{{${v}}}`).join(' '), include: '{{> shortcut}}' })}
          actions={
            <Button id="library-add-variant" size="xs" variant="light" onClick={addVariant}>
              {t('library.form.addVariant')}
            </Button>
          }
        >
          {errors.variants && (
            <Text size="sm" c="red.8" id={fieldId('variants')} tabIndex={-1}>
              {errorText('variants')}
            </Text>
          )}
          <Stack gap="sm">
            {values.variants.map((variant, index) => (
              <VariantRow
                key={variant.key}
                index={index}
                variant={variant}
                removable={values.variants.length > 1}
                errorText={errorText}
                onChange={(patch) => changeVariant(index, patch)}
                onRemove={() => removeVariant(index)}
                preview={<VariantPreviewPanel preview={previews[index]!} id={`library-preview-${variant.key}`} />}
              />
            ))}
          </Stack>
        </FormSection>

        <SlaFeedback error={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            {t('library.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {response ? t('library.form.save') : t('library.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VariantRow({
  index,
  variant,
  removable,
  errorText,
  onChange,
  onRemove,
  preview,
}: {
  index: number;
  variant: VariantValues;
  removable: boolean;
  errorText(field: ResponseField): string | undefined;
  onChange(patch: Partial<VariantValues>): void;
  onRemove(): void;
  preview: ReactNode;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const removeLabel = t('library.form.removeVariant', { n });
  return (
    <Paper withBorder p="sm" component="fieldset" style={{ margin: 0, minWidth: 0 }} aria-label={t('library.form.variantLabel', { n })} data-testid="library-variant">
      <div className={classes.variant}>
        <Stack gap="xs">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              id={fieldId(`variant.${index}.language`)}
              label={t('library.form.language')}
              aria-label={t('library.form.languageOf', { n })}
              placeholder={t('library.anyLanguage')}
              value={variant.language}
              onChange={(e) => onChange({ language: e.currentTarget.value })}
              error={errorText(`variant.${index}.language`)}
              autoComplete="off"
              spellCheck={false}
              w="8rem"
            />
            <NativeSelect
              label={t('library.form.platform')}
              aria-label={t('library.form.platformOf', { n })}
              value={variant.platform}
              onChange={(e) => onChange({ platform: e.currentTarget.value as VariantValues['platform'] })}
              data={[{ value: '', label: t('library.anyPlatform') }, ...PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))]}
              style={{ flex: 1 }}
            />
            {removable && (
              <Tooltip label={removeLabel} withArrow>
                <ActionIcon variant="subtle" color="red" mt={26} aria-label={removeLabel} onClick={onRemove}>
                  <span aria-hidden>×</span>
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          <Textarea
            id={fieldId(`variant.${index}.body`)}
            label={t('library.form.body')}
            aria-label={t('library.form.bodyOf', { n })}
            value={variant.body}
            onChange={(e) => onChange({ body: e.currentTarget.value })}
            error={errorText(`variant.${index}.body`)}
            autosize
            minRows={3}
            maxRows={10}
          />
        </Stack>
        {preview}
      </div>
    </Paper>
  );
}
