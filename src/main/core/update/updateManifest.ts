// The update manifest electron-builder writes (latest.yml, latest-linux.yml, latest-mac.yml):
// read with js-yaml, the parser electron-updater itself uses, so what we verify is what it sees.
import { load } from 'js-yaml';
import { z } from 'zod';

const sha512Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a sha512 digest in base64 (88 characters)');

const manifestSchema = z.object({
  version: z.string().min(1),
  files: z
    .array(z.object({ url: z.string().min(1), sha512: sha512Base64, size: z.number().int().nonnegative().optional() }))
    .min(1),
  releaseDate: z.union([z.string(), z.date().transform((date) => date.toISOString())]).optional(),
  stagingPercentage: z.number().min(0).max(100).optional(),
});

export type UpdateManifest = z.infer<typeof manifestSchema>;

/** The parts of an offered update we compare with the signed manifest (electron-updater's UpdateInfo has them). */
export interface OfferedRelease {
  version: string;
  files: ReadonlyArray<{ url: string; sha512: string }>;
  stagingPercentage?: number;
}

export class UpdateManifestError extends Error {
  override name = 'UpdateManifestError';
}

export function parseUpdateManifest(yamlText: string): UpdateManifest {
  let data: unknown;
  try {
    data = load(yamlText);
  } catch (error) {
    throw new UpdateManifestError(`The update manifest is not valid YAML: ${(error as Error).message}`);
  }
  const result = manifestSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UpdateManifestError(`The update manifest is incomplete: ${issue.path.join('.') || 'root'} ${issue.message}.`);
  }
  return result.data;
}

/**
 * True when the release electron-updater offers is exactly the signed one: same version, the
 * same files with the same digests, the same staged rollout. electron-updater fetches the
 * manifest on its own, so this closes the gap between our check and its download.
 */
export function isSameRelease(signed: UpdateManifest, offered: OfferedRelease): boolean {
  if (signed.version !== offered.version || signed.files.length !== offered.files.length) return false;
  if (signed.stagingPercentage !== offered.stagingPercentage) return false;
  return offered.files.every((file) => signed.files.some((own) => own.url === file.url && own.sha512 === file.sha512));
}

/** The manifest electron-updater reads for a channel on this platform (its own naming rules). */
export function manifestFileName(channel: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return `${channel}-mac.yml`;
  if (platform === 'linux') return arch === 'x64' ? `${channel}-linux.yml` : `${channel}-linux-${arch}.yml`;
  return `${channel}.yml`;
}
