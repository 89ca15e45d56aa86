// The agent's update settings (channel, feed override, auto-download) in the settings table,
// applied to the host's updater, whose state is pushed as the `updateState` event. Restarting
// to update first lets the core stop cleanly (prepareForRestart), then hands over to the updater.
import { z } from 'zod';
import { conflict, DeskError } from '@shared/errors';
import { DEFAULT_UPDATE_SETTINGS, feedUrlProblem, UPDATE_CHANNELS, type UpdateSettings, type UpdateState } from '@shared/updates';
import type { EventBus } from '../events';
import type { Logger, Updater } from '../ports';
import type { Repos } from '../repos';

const SETTING = 'updates';

const storedSchema = z.object({
  channel: z.enum(UPDATE_CHANNELS),
  feedUrl: z
    .string()
    .refine((url) => feedUrlProblem(url) === null)
    .nullable(),
  autoDownload: z.boolean(),
});
type StoredSettings = z.infer<typeof storedSchema>;

export interface UpdateServiceDeps {
  repos: Repos;
  updater: Updater;
  events: EventBus;
  logger: Logger;
  /** Stops the core cleanly (drafts and outbox on disk, WAL checkpointed, database closed). */
  prepareForRestart(): Promise<void>;
}

export class UpdateService {
  private readonly stopListening: () => void;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.stopListening = deps.updater.onState((state) => deps.events.emit('updateState', state));
    this.apply(this.stored());
  }

  private stored(): StoredSettings {
    const raw = this.deps.repos.workspace.setting(SETTING);
    if (raw === null) return { ...DEFAULT_UPDATE_SETTINGS };
    let value: unknown = null;
    try {
      value = JSON.parse(raw);
    } catch {
      // reported below
    }
    const parsed = storedSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.deps.logger.warn('update settings unreadable: using the defaults until they are saved again', { issue: parsed.error.issues[0]?.message });
    return { ...DEFAULT_UPDATE_SETTINGS };
  }

  private apply(settings: StoredSettings): void {
    this.deps.updater.configure({
      channel: settings.channel,
      feedUrl: settings.feedUrl ?? this.deps.updater.builtInFeedUrl,
      autoDownload: settings.autoDownload,
    });
  }

  settings(): UpdateSettings {
    return { ...this.stored(), builtInFeedUrl: this.deps.updater.builtInFeedUrl };
  }

  /** Input already validated by the contract (updateSettingsInputSchema). */
  save(input: StoredSettings): UpdateSettings {
    this.deps.repos.workspace.setSetting(SETTING, JSON.stringify(input));
    this.apply(input);
    return this.settings();
  }

  state(): UpdateState {
    return this.deps.updater.state();
  }

  async check(): Promise<UpdateState> {
    this.refuseWhenUnsupported();
    await this.deps.updater.check();
    return this.state();
  }

  async download(): Promise<UpdateState> {
    this.refuseWhenUnsupported();
    if (this.state().status !== 'available') throw conflict('There is no update waiting to be downloaded: check for updates first');
    await this.deps.updater.download();
    return this.state();
  }

  /** Stops the core (nothing the agent wrote is lost), then the updater quits and installs. */
  async restartToUpdate(): Promise<void> {
    this.refuseWhenUnsupported();
    if (this.state().status !== 'ready') throw conflict('No update is ready to install yet');
    this.stopListening();
    await this.deps.prepareForRestart();
    this.deps.updater.quitAndInstall();
  }

  private refuseWhenUnsupported(): void {
    const state = this.state();
    if (state.status === 'unsupported') {
      throw new DeskError(
        'NotAvailable',
        state.reason === 'browser-mode' ? 'Updates are managed by the desktop app' : 'This development build does not update itself',
      );
    }
  }
}
