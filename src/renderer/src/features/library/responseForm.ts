// The canned-response form without the DOM: its values, how they come from and go to a
// CannedResponse, and their checks (the library's rules, said per field so each message can be
// translated). The core checks again: shortcuts unique across the library, includes resolvable.
import { PLATFORMS, type Platform } from '@shared/domain';
import { languageTagSchema } from '@shared/languageTags';
import {
  cannedResponseSchema,
  cannedVariantSchema,
  normalizeShortcut,
  SHORTCUT_PATTERN,
  tagSchema,
  type CannedResponse,
} from '@shared/cannedResponses';

export { PLATFORMS };
export const MAX_TITLE = 200;
export const MAX_FOLDER = 200;
export const MAX_SHORTCUT = 64;
export const MAX_BODY = 20_000;
export const MAX_TAGS = 30;

export interface VariantValues {
  /** Stable while the form is open, for React keys and field ids. */
  key: string;
  /** '' for any language. */
  language: string;
  /** '' for any platform. */
  platform: Platform | '';
  body: string;
}

export interface ResponseValues {
  title: string;
  folder: string;
  tags: string[];
  shortcut: string;
  variants: VariantValues[];
}

export type ResponseErrors = {
  title?: 'titleRequired' | 'titleTooLong';
  folder?: 'folderTooLong' | 'folderLineBreak';
  tags?: 'tagInvalid' | 'tooManyTags';
  shortcut?: 'shortcutRequired' | 'shortcutTooLong' | 'shortcutPattern' | 'shortcutTaken';
  variants?: 'variantsRequired';
} & Partial<Record<`variant.${number}.language`, 'languageInvalid' | 'variantTwice'>> &
  Partial<Record<`variant.${number}.body`, 'bodyRequired' | 'bodyTooLong'>>;

export type ResponseField = keyof ResponseErrors;

let variantCounter = 0;
export function newVariant(language = '', platform: Platform | '' = '', body = ''): VariantValues {
  variantCounter += 1;
  return { key: `variant-${variantCounter}`, language, platform, body };
}

export function emptyResponseValues(language: string): ResponseValues {
  return { title: '', folder: '', tags: [], shortcut: '', variants: [newVariant(language)] };
}

export function responseToValues(response: CannedResponse): ResponseValues {
  return {
    title: response.title,
    folder: response.folder,
    tags: [...response.tags],
    shortcut: response.shortcut,
    variants: response.variants.map((v) => newVariant(v.language ?? '', v.platform ?? '', v.body)),
  };
}

/** Form order, top to bottom: the first field with a problem gets the focus. */
export function responseErrorOrder(values: ResponseValues): ResponseField[] {
  return [
    'title',
    'folder',
    'tags',
    'shortcut',
    'variants',
    ...values.variants.flatMap((_, i) => [`variant.${i}.language` as const, `variant.${i}.body` as const]),
  ];
}

/**
 * `takenShortcuts`: the shortcuts of the other responses in the library (compared
 * case-insensitively, as the core does).
 */
export function validateResponse(values: ResponseValues, takenShortcuts: readonly string[]): ResponseErrors {
  const errors: ResponseErrors = {};
  const title = values.title.trim();
  if (title === '') errors.title = 'titleRequired';
  else if (title.length > MAX_TITLE) errors.title = 'titleTooLong';
  if (/[\r\n]/.test(values.folder)) errors.folder = 'folderLineBreak';
  else if (values.folder.trim().length > MAX_FOLDER) errors.folder = 'folderTooLong';
  if (values.tags.length > MAX_TAGS) errors.tags = 'tooManyTags';
  else if (values.tags.some((t) => !tagSchema.safeParse(t).success)) errors.tags = 'tagInvalid';
  const shortcut = values.shortcut.trim().replace(/^\//, '');
  if (shortcut === '') errors.shortcut = 'shortcutRequired';
  else if (shortcut.length > MAX_SHORTCUT) errors.shortcut = 'shortcutTooLong';
  else if (!SHORTCUT_PATTERN.test(shortcut)) errors.shortcut = 'shortcutPattern';
  else if (takenShortcuts.some((s) => normalizeShortcut(s) === normalizeShortcut(shortcut))) errors.shortcut = 'shortcutTaken';
  if (values.variants.length === 0) errors.variants = 'variantsRequired';
  const seen = new Set<string>();
  values.variants.forEach((v, i) => {
    const language = v.language.trim();
    if (language !== '' && !languageTagSchema.safeParse(language).success) errors[`variant.${i}.language`] = 'languageInvalid';
    else {
      const key = `${language.toLowerCase()}|${v.platform}`;
      if (seen.has(key)) errors[`variant.${i}.language`] = 'variantTwice';
      seen.add(key);
    }
    if (v.body.trim() === '') errors[`variant.${i}.body`] = 'bodyRequired';
    else if (v.body.length > MAX_BODY) errors[`variant.${i}.body`] = 'bodyTooLong';
  });
  return errors;
}

export function firstResponseError(values: ResponseValues, errors: ResponseErrors): ResponseField | null {
  return responseErrorOrder(values).find((f) => f in errors) ?? null;
}

/** The folder as stored: trimmed, each level trimmed, no empty levels ("Billing / Refunds/" → "Billing/Refunds"). */
export function normalizeFolder(folder: string): string {
  return folder
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
}

/** The response to save; call after validateResponse found nothing. Timestamps are the core's. */
export function valuesToResponse(values: ResponseValues, id: string, previous: CannedResponse | null): CannedResponse {
  return cannedResponseSchema.parse({
    id,
    title: values.title.trim(),
    folder: normalizeFolder(values.folder),
    tags: [...new Set(values.tags.map((t) => t.trim()).filter(Boolean))],
    shortcut: values.shortcut.trim().replace(/^\//, ''),
    variants: values.variants.map((v) =>
      cannedVariantSchema.parse({ language: v.language.trim() || null, platform: v.platform || null, body: v.body }),
    ),
    createdAt: previous?.createdAt ?? 0,
    updatedAt: previous?.updatedAt ?? 0,
  });
}

/**
 * The response as the form holds it now, for the preview: never refused, whatever is half typed
 * (an unusable shortcut reads as "this", so include messages still make sense).
 */
export function valuesToDraft(values: ResponseValues, id: string): CannedResponse {
  const shortcut = values.shortcut.trim().replace(/^\//, '');
  return {
    id,
    title: values.title.trim(),
    folder: '',
    tags: [],
    shortcut: SHORTCUT_PATTERN.test(shortcut) ? shortcut : 'this',
    variants: values.variants.map((v) => ({ language: v.language.trim() || null, platform: v.platform || null, body: v.body })),
    createdAt: 0,
    updatedAt: 0,
  };
}
