// The core's typed event bus: the hosts forward every event to the renderer.
import type { EventName, EventPayload } from '@shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private readonly any = new Set<(name: EventName, payload: unknown) => void>();

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  /** Every event, for transports that forward them all. */
  onAny(listener: (name: EventName, payload: unknown) => void): () => void {
    this.any.add(listener);
    return () => this.any.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
    for (const listener of this.any) listener(name, payload);
  }
}
