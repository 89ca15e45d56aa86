// A least-recently-used cache of fetched images, bounded by the bytes it holds.
import type { FetchedImage } from './fetchImage';

export class ImageCache {
  private readonly entries = new Map<string, FetchedImage>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(url: string): FetchedImage | undefined {
    const image = this.entries.get(url);
    if (image) {
      // Re-inserted: a Map iterates in insertion order, so the oldest use comes first.
      this.entries.delete(url);
      this.entries.set(url, image);
    }
    return image;
  }

  set(url: string, image: FetchedImage): void {
    if (image.bytes.length > this.maxBytes) return;
    this.delete(url);
    this.entries.set(url, image);
    this.bytes += image.bytes.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes.length;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(url: string): void {
    const old = this.entries.get(url);
    if (!old) return;
    this.entries.delete(url);
    this.bytes -= old.bytes.length;
  }
}
