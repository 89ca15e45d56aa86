// app-update.yml, which electron-builder writes next to app.asar from the `publish` setting:
// the feed electron-updater reads, and so the feed whose signatures we check.
import { load } from 'js-yaml';
import { z } from 'zod';

const configSchema = z.object({
  provider: z.literal('generic'),
  url: z.string().url(),
  channel: z.string().min(1).optional(),
});

export type AppUpdateConfig = z.infer<typeof configSchema>;

export function parseAppUpdateConfig(yamlText: string): AppUpdateConfig {
  const result = configSchema.safeParse(load(yamlText));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`app-update.yml cannot be used for signed updates: ${issue.path.join('.') || 'root'} ${issue.message}.`);
  }
  return result.data;
}
