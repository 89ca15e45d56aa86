// Saves the draft a short while after the agent stops typing, at once when asked (blur,
// switching conversation, leaving the page), and again a little later when a save failed.
// Text that is being sent, or may have been sent, is held: it is never saved as a draft (that
// would bring a sent reply back) until the agent changes it or the send is known to have failed.
// DOM-free; the composer owns one per open conversation.

/** held: the text is being sent or may have been sent; it is not saved as a draft. */
export type DraftSaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'held';

export interface DraftAutosaverOptions {
  save(body: string): Promise<unknown>;
  delayMs?: number;
  retryMs?: number;
  onStateChange?(state: DraftSaveState): void;
  onSaved?(body: string): void;
  onError?(error: unknown): void;
}

export const DRAFT_SAVE_DELAY_MS = 400;
export const DRAFT_RETRY_MS = 5_000;

export class DraftAutosaver {
  private latest: string;
  private saved: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private inFlight = 0;
  private failed = false;
  private disposed = false;
  /** Text that must not be saved as a draft (being sent, or maybe sent), or null. */
  private held: string | null = null;

  constructor(
    savedBody: string,
    private readonly options: DraftAutosaverOptions,
  ) {
    this.latest = savedBody;
    this.saved = savedBody;
  }

  get state(): DraftSaveState {
    if (this.isHeld(this.latest)) return 'held';
    if (this.latest === this.saved && this.inFlight === 0) return 'saved';
    if (this.inFlight > 0) return 'saving';
    return this.failed ? 'failed' : 'pending';
  }

  /** The text changed: save it after the delay (restarted by every change). */
  update(body: string): void {
    // The agent edited the held text: it is a draft again.
    if (this.held !== null && body !== this.held) this.held = null;
    this.latest = body;
    this.schedule(this.options.delayMs ?? DRAFT_SAVE_DELAY_MS);
    this.report();
  }

  /** Save now if anything is unsaved. */
  flush(): Promise<void> {
    this.clearTimer();
    return this.saveLatest();
  }

  /**
   * This text is being sent, or may have been sent (the connection dropped before the answer):
   * never save it as a draft, not even on flush or dispose, until update() changes it or
   * release() is called.
   */
  hold(body: string): void {
    this.clearTimer();
    this.held = body;
    this.latest = body;
    this.report();
  }

  /** The held text was certainly not sent: it is a draft again (saved after the delay). */
  release(): void {
    if (this.held === null) return;
    this.held = null;
    this.schedule(this.options.delayMs ?? DRAFT_SAVE_DELAY_MS);
    this.report();
  }

  /** The text was sent (the core removed the draft): forget pending saves. */
  markSent(): void {
    this.clearTimer();
    this.generation++;
    this.held = null;
    this.latest = '';
    this.saved = '';
    this.failed = false;
    this.report();
  }

  /** The composer closes: save what is left, then stop. */
  dispose(): Promise<void> {
    const done = this.flush();
    this.disposed = true;
    this.clearTimer();
    return done;
  }

  private isHeld(body: string): boolean {
    return this.held !== null && body === this.held;
  }

  private schedule(delay: number): void {
    if (this.disposed) return;
    this.clearTimer();
    if (this.latest === this.saved || this.isHeld(this.latest)) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveLatest();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveLatest(): Promise<void> {
    const body = this.latest;
    if (body === this.saved || this.isHeld(body)) return;
    const generation = this.generation;
    this.inFlight++;
    this.report();
    try {
      await this.options.save(body);
      if (generation !== this.generation) return;
      this.saved = body;
      this.failed = false;
      this.options.onSaved?.(body);
    } catch (error) {
      if (generation !== this.generation) return;
      this.failed = true;
      this.options.onError?.(error);
      this.schedule(this.options.retryMs ?? DRAFT_RETRY_MS);
    } finally {
      this.inFlight--;
      this.report();
    }
  }

  private lastReported: DraftSaveState | null = null;
  private report(): void {
    const state = this.state;
    if (state === this.lastReported) return;
    this.lastReported = state;
    this.options.onStateChange?.(state);
  }
}
