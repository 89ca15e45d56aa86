import { describe, expect, it } from 'vitest';
import type { DeskNotification } from '@shared/domain';
import { silentLogger } from '../adapters/logger';
import { EventBus } from '../events';
import { createTranslator } from '../i18n/translator';
import { NotificationCenter } from './notificationCenter';
import { route, type DeskAgentState } from './routing';

const NOW = Date.UTC(2026, 10, 23, 12);
const desk = (over: Partial<DeskAgentState['agent']> = {}, rest: Partial<Omit<DeskAgentState, 'agent'>> = {}): DeskAgentState => ({
  agent: { id: 'me', role: 'agent', quietUntil: null, ...over },
  onShift: true,
  doNotDisturb: null,
  now: NOW,
  ...rest,
});
const n = (over: Partial<Parameters<typeof route>[0]> = {}) => ({ kind: 'breach' as const, assigneeId: null, mustInterrupt: false, ...over });

describe('notification routing', () => {
  it("reaches the owner; unassigned work reaches agents on shift; someone else's does not", () => {
    expect(route(n({ assigneeId: 'me' }), desk({}, { onShift: false }))).toBeNull();
    expect(route(n(), desk())).toBeNull();
    expect(route(n(), desk({}, { onShift: false }))).toBe('off-shift');
    expect(route(n({ assigneeId: 'kai' }), desk())).toBe('assigned-elsewhere');
  });

  it("escalates everyone's breaches to a lead, but not their warnings or urgent mentions", () => {
    expect(route(n({ assigneeId: 'kai' }), desk({ role: 'lead' }, { onShift: false }))).toBeNull();
    expect(route(n({ assigneeId: 'kai', kind: 'near-breach' }), desk({ role: 'lead' }))).toBe('assigned-elsewhere');
    expect(route(n({ assigneeId: 'kai', kind: 'urgent' }), desk({ role: 'lead' }))).toBe('assigned-elsewhere');
    // A conversation left waiting by an agent gone off shift reaches the leads too (handover).
    expect(route(n({ assigneeId: 'kai', kind: 'handover' }), desk({ role: 'lead' }))).toBeNull();
    expect(route(n({ assigneeId: 'kai', kind: 'handover' }), desk())).toBe('assigned-elsewhere');
  });

  it('holds back all but must-interrupt in quiet mode and under Do Not Disturb', () => {
    expect(route(n({ assigneeId: 'me' }), desk({ quietUntil: NOW + 1 }))).toBe('quiet-mode');
    expect(route(n({ assigneeId: 'me' }), desk({ quietUntil: NOW }))).toBeNull();
    expect(route(n({ assigneeId: 'me', mustInterrupt: true }), desk({ quietUntil: NOW + 1 }))).toBeNull();
    expect(route(n({ kind: 'urgent' }), desk({}, { doNotDisturb: true }))).toBe('do-not-disturb');
    expect(route(n({ kind: 'urgent', mustInterrupt: true }), desk({}, { doNotDisturb: true }))).toBeNull();
    // Must-interrupt does not make someone else's work this agent's.
    expect(route(n({ assigneeId: 'kai', mustInterrupt: true }), desk())).toBe('assigned-elsewhere');
  });

  it('records what was routed away with its reason, and shows only the rest', () => {
    const events = new EventBus();
    const seen: DeskNotification[] = [];
    events.on('notification', (x) => seen.push(x));
    const shown: string[] = [];
    const center = new NotificationCenter({
      notifier: { native: true, show: (x) => (shown.push(x.title), { status: 'shown' as const }) },
      events,
      clock: { now: () => NOW },
      logger: silentLogger,
      t: createTranslator(),
      route: (d) => route({ kind: d.kind, assigneeId: d.assigneeId ?? null, mustInterrupt: d.mustInterrupt ?? false }, desk()),
    });
    center.publish([
      { kind: 'breach', title: 'Mine', body: '', conversationId: 1, customerName: 'A', assigneeId: 'me' },
      { kind: 'breach', title: "Kai's", body: '', conversationId: 2, customerName: 'B', assigneeId: 'kai' },
    ]);
    center.stop();
    expect(shown).toEqual(['Mine']);
    expect(seen.map((x) => [x.title, x.suppressed, x.deliveredNatively])).toEqual([
      ["Kai's", 'assigned-elsewhere', false],
      ['Mine', null, true],
    ]);
  });
});
