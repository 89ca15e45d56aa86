// Urgency at ingest with the real language and sentiment models on a real SQLite replica:
// what is stored with each message, incidents from bursts, and a burst of 10,000 mentions.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { DeskNotification } from '@shared/domain';
import { ACCOUNT_ID, inbound, makeRepos, T0 } from '../../../../test/support/coreFixtures';
import { silentLogger } from '../adapters/logger';
import { EventBus } from '../events';
import { createTranslator } from '../i18n/translator';
import { NotificationCenter } from '../notify/notificationCenter';
import { ingestPage } from '../sync/ingest';
import { UrgencyService } from './urgencyService';

function desk(now = () => T0) {
  const repos = makeRepos();
  const events = new EventBus();
  const seen: DeskNotification[] = [];
  events.on('notification', (n) => seen.push(n));
  const clock = { now };
  const t = createTranslator();
  const notifications = new NotificationCenter({ notifier: { native: true, show: () => ({ status: 'shown' as const }) }, events, clock, logger: silentLogger, t, groupWindowMs: 10_000 });
  const urgency = new UrgencyService({ repos, clock, logger: silentLogger, events, notifications, t });
  const ingest = (items: ReturnType<typeof inbound>[], at: number) => {
    const result = ingestPage(repos, ACCOUNT_ID, items, null, repos.sla.resolvedPolicies(), at, { analyze: urgency.analyze });
    urgency.observe(ACCOUNT_ID, result.inbound);
    return result;
  };
  return { repos, seen, urgency, notifications, ingest };
}

describe('urgency at ingest', () => {
  it('stores each message with its language, sentiment and, when urgent, why', async () => {
    const d = desk();
    await d.urgency.load();
    const angry = inbound({ thread: 'a', user: 'ana', body: 'Quiero un reembolso YA, esto es una estafa!!! 😡', language: null });
    const happy = inbound({ thread: 'b', user: 'bo', body: 'Thank you so much, the crew was wonderful today 🙏', language: 'en' });
    const result = d.ingest([angry, happy], T0);
    expect(result.urgent).toEqual([expect.objectContaining({ customerName: 'Customer ana', mustInterrupt: false })]);
    const rows = d.repos.db.prepare('SELECT body, language, sentiment_label AS label, sentiment, urgent, urgency FROM messages ORDER BY id').all() as {
      language: string;
      label: string;
      sentiment: number;
      urgent: number;
      urgency: string | null;
    }[];
    expect(rows[0]).toMatchObject({ language: 'es', label: 'negative', urgent: 1 });
    expect(rows[0]!.sentiment).toBeLessThan(-0.3);
    expect(JSON.parse(rows[0]!.urgency!).reasons).toEqual([expect.objectContaining({ kind: 'keywords', terms: expect.arrayContaining([expect.objectContaining({ term: 'reembolso' })]) })]);
    expect(rows[1]).toMatchObject({ language: 'en', label: 'positive', urgent: 0, urgency: null });
    // The conversation takes the detected language (the platform sent none).
    expect(d.repos.conversations.stateByPlatformId(ACCOUNT_ID, 'a')!.language).toBe('es');
  });

  it("stores each customer message's language with where it came from and how sure it is, and the conversation's with it", async () => {
    const d = desk();
    await d.urgency.load();
    const items = [
      inbound({ thread: 'lv', user: 'ilze', body: 'paka atzīmēta kā piegādāta, bet nekā nav 😡 pasūtījums 48213', language: null }),
      inbound({ thread: 'te', user: 'ravi', body: 'నా ఆర్డర్ ఇంకా రాలేదు', language: null }),
      inbound({ thread: 'en', user: 'sam', body: 'thanks!', language: 'en' }),
      inbound({ thread: 'en', user: 'sam', body: 'ok', language: null, createdAt: T0 + 1 }),
    ];
    d.ingest(items, T0);
    const rows = d.repos.db.prepare('SELECT language, language_source AS source, language_confidence AS confidence FROM messages ORDER BY id').all() as {
      language: string | null;
      source: string | null;
      confidence: number | null;
    }[];
    expect(rows[0]).toMatchObject({ language: 'lv', source: 'detector' });
    expect(rows[0]!.confidence).toBeGreaterThan(0.5);
    expect(rows[0]!.confidence).toBeLessThanOrEqual(0.99);
    expect(rows[1]).toEqual({ language: 'te', source: 'script', confidence: 0.99 });
    expect(rows[2]).toEqual({ language: 'en', source: 'platform', confidence: 0.8 });
    expect(rows[3]).toEqual({ language: null, source: null, confidence: null });
    const lv = d.repos.conversations.list('language:lv', 'agent-self', 10);
    expect(lv).toEqual([expect.objectContaining({ customerHandle: 'ilze', language: 'lv', languageSource: 'detector', languageConfidence: rows[0]!.confidence })]);
    // A message with no language keeps the conversation's.
    expect(d.repos.conversations.list('language:en', 'agent-self', 10)).toEqual([expect.objectContaining({ languageSource: 'platform', languageConfidence: 0.8 })]);
    const thread = d.repos.messages.forConversation(lv[0]!.id);
    expect(thread[0]).toMatchObject({ language: 'lv', languageSource: 'detector', languageConfidence: rows[0]!.confidence });
  });

  it('applies saved rules at once and keeps them: a must-interrupt rule, a VIP list, strongly negative turned on', async () => {
    const d = desk();
    await d.urgency.load();
    const rules = structuredClone(d.urgency.getRules()) as unknown as { rules: Record<string, unknown>[] };
    for (const rule of rules.rules) {
      if (rule.kind === 'keywords') rule.mustInterrupt = true;
      if (rule.kind === 'vip') rule.customers = [{ handle: 'bigclient' }];
      if (rule.kind === 'negativeSentiment') rule.enabled = true;
    }
    d.urgency.saveRules(rules);
    const refund = d.urgency.analyze(inbound({ body: 'I want a refund' }), 'x').urgency;
    expect(refund).toMatchObject({ urgent: true, mustInterrupt: true });
    const vip = d.urgency.analyze(inbound({ user: 'bigclient', body: 'hello there' }), 'x').urgency;
    expect(vip.reasons.map((r) => r.kind)).toEqual(['vip']);
    const furious = d.urgency.analyze(inbound({ body: 'This is the WORST airline ever, absolutely terrible and disgusting service!!! 😡😡' }), 'x').urgency;
    expect(furious.reasons.map((r) => r.kind)).toContain('negativeSentiment');
    // Kept in the replica: a new service over it reads them back.
    const again = new UrgencyService({ repos: d.repos, clock: { now: () => T0 }, logger: silentLogger, events: new EventBus(), notifications: d.notifications, t: createTranslator() });
    expect(again.getRules()).toEqual(d.urgency.getRules());
    expect(() => d.urgency.saveRules({ version: 1, rules: [{ id: 'x', kind: 'followers', threshold: -5 }] })).toThrow();
  });

  it('groups a burst sharing a term into one incident, notifies once, and closes it when quiet', async () => {
    const d = desk();
    await d.urgency.load();
    const items = Array.from({ length: 8 }, (_, i) => inbound({ thread: `t${i}`, user: `u${i}`, body: `Is the app down? I cannot check in #outage (${i})`, createdAt: T0 + i * 30_000 }));
    d.ingest(items.slice(0, 3), T0 + 90_000);
    expect(d.repos.incidents.open()).toEqual([]);
    d.ingest(items.slice(3), T0 + 240_000);
    const [incident] = d.repos.incidents.open();
    expect(incident).toMatchObject({ accountId: ACCOUNT_ID, messageCount: 8, closedAt: null });
    expect(incident!.terms).toContain('#outage');
    const linked = d.repos.db.prepare('SELECT COUNT(*) FROM conversations WHERE incident_id = ?').pluck().get(incident!.id);
    expect(linked).toBe(8);
    expect(d.seen.filter((n) => n.kind === 'incident')).toHaveLength(1);
    expect(d.seen.find((n) => n.kind === 'incident')!.title).toMatch(/^Incident on Brand Support: /);
    d.urgency.stop();
    d.notifications.stop();
  });

  it('takes a burst of 10,000 mentions in 5 minutes: every one stored, a handful of notifications, event-loop lag reported', async () => {
    let now = T0;
    const d = desk(() => now);
    await d.urgency.load();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    // 100 pages of 100, one every 3 s of platform time; every tenth mention is urgent.
    for (let page = 0; page < 100; page++) {
      now = T0 + page * 3000;
      const items = Array.from({ length: 100 }, (_, i) => {
        const n = page * 100 + i;
        return inbound({ thread: `burst-${n}`, user: `user-${n % 700}`, createdAt: now, body: n % 10 === 0 ? `Refund now, flight ${n} cancelled!` : `Where is my bag? Flight AU${n % 40}` });
      });
      const result = d.ingest(items, now);
      d.notifications.publish(result.urgent.map((u) => ({ kind: 'urgent' as const, conversationId: u.conversationId, customerName: u.customerName, title: u.customerName, body: u.body })));
      // Yield as the pull loop does between pages.
      await new Promise((r) => setImmediate(r));
    }
    const elapsed = performance.now() - started;
    lag.disable();
    d.notifications.stop();
    d.urgency.stop();
    expect(d.repos.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(10_000);
    expect(d.repos.db.prepare('SELECT COUNT(*) FROM messages WHERE urgent = 1').pluck().get()).toBe(1000);
    // 1,000 urgent mentions: the first is shown, the rest are grouped into digests.
    expect(d.seen.filter((n) => n.kind === 'urgent' || n.kind === 'digest').length).toBeLessThanOrEqual(8);
    console.log(
      `burst: 10,000 mentions stored in ${Math.round(elapsed)} ms (${Math.round(10_000 / (elapsed / 1000))}/s); ` +
        `event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms; ` +
        `notifications shown: ${d.seen.length}; incidents: ${d.repos.db.prepare('SELECT COUNT(*) FROM incidents').pluck().get()}`,
    );
  }, 120_000);
});
