// Urgent-mention analysis benchmark: 10,000 multilingual mentions (real sample posts with
// handles, links, emoji, booking numbers; every 50th part of an outage burst) through language
// detection + sentiment + urgency rules + one spike detector, as ingest will run them per message.
// Prints messages/s and the cost of each stage; no goal yet.
import { DEFAULT_URGENCY_RULES, evaluateUrgency, parseUrgencyRules, type UrgencyRules } from '../../src/shared/urgency';
import { mentionStream, type SampleMention } from '../../src/main/core/urgency/fixtures/posts';
import { loadUrgencyAnalyzer, SpikeDetector, spikeOptions, type UrgencyAnalyzer } from '../../src/main/core/urgency';
import { nowMs, percentile, rate, round, thousands, timeWallCpu } from './stats';

export const URGENCY_MENTIONS = 10_000;

export interface UrgencyResults {
  urgency_msgs_per_s: number;
  urgency_cpu_msgs_per_s: number;
  urgency_p95_us: number;
  urgency_load_ms: number;
  urgency_stage_us: { language: number; sentiment: number; rules: number; spikes: number };
}

/** The rules with every kind on, so each message pays for all of them. */
function allRules(): UrgencyRules {
  return parseUrgencyRules({
    ...DEFAULT_URGENCY_RULES,
    rules: [
      ...DEFAULT_URGENCY_RULES.rules.map((r) => ({ ...r, enabled: true })),
      { id: 'vip-list', kind: 'vip', customers: Array.from({ length: 500 }, (_, i) => ({ platformId: `u${i * 10}` })) },
    ],
  });
}

export async function loadAnalyzer(): Promise<{ analyzer: UrgencyAnalyzer; ms: number }> {
  const t = nowMs();
  const analyzer = await loadUrgencyAnalyzer();
  return { analyzer, ms: nowMs() - t };
}

export function measureUrgency(analyzer: UrgencyAnalyzer, loadMs: number, count = URGENCY_MENTIONS, log: (line: string) => void = console.log): UrgencyResults {
  const rules = allRules();
  const mentions = mentionStream(count);
  // Warm-up on a separate detector, so the timed one starts empty.
  const warm = new SpikeDetector(spikeOptions(rules.spikes));
  for (const m of mentions.slice(0, 500)) runOne(analyzer, warm, rules, m);

  const spikes = new SpikeDetector(spikeOptions(rules.spikes, { ignore: ['@acme_help', 'Acme'] }));
  const perMessage: number[] = [];
  let urgent = 0;
  let incidents = 0;
  const total = timeWallCpu(() => {
    for (const m of mentions) {
      const t = nowMs();
      const r = runOne(analyzer, spikes, rules, m);
      perMessage.push((nowMs() - t) * 1000);
      if (r.urgent) urgent++;
      incidents += r.opened;
    }
  });

  // Each stage alone over the same messages (informational: they share caches, so they do not add up exactly).
  const stage = (fn: (m: SampleMention) => unknown) => {
    const t = nowMs();
    for (const m of mentions) fn(m);
    return round(((nowMs() - t) * 1000) / mentions.length, 1);
  };
  const language = stage((m) => analyzer.languages.detect(m.text, m.platformLanguage));
  const sentiment = stage((m) => analyzer.sentiment.score(m.text, m.platformLanguage ?? 'en'));
  const rulesUs = stage((m) => evaluateUrgency({ body: m.text, language: m.platformLanguage, sentiment: { score: -0.5 } }, m.author, rules));
  const fresh = new SpikeDetector(spikeOptions(rules.spikes));
  const spikesUs = stage((m) => fresh.observe({ messageId: m.messageId, time: m.time, text: m.text, language: m.platformLanguage, authorId: m.author.platformId }));

  const r: UrgencyResults = {
    urgency_msgs_per_s: rate(mentions.length, total.ms),
    urgency_cpu_msgs_per_s: rate(mentions.length, total.cpuMs),
    urgency_p95_us: round(percentile(perMessage, 95), 1),
    urgency_load_ms: round(loadMs, 0),
    urgency_stage_us: { language, sentiment, rules: rulesUs, spikes: spikesUs },
  };
  log(`   urgency_msgs_per_s ${thousands(r.urgency_msgs_per_s)} (${(total.ms / 1000).toFixed(2)} s wall, ${thousands(r.urgency_cpu_msgs_per_s)}/s by CPU time; per message p50 ${round(percentile(perMessage, 50), 1)} µs, p95 ${r.urgency_p95_us} µs)`);
  log(`   per stage (µs/message): language ${language}, sentiment ${sentiment}, rules ${rulesUs}, spikes ${spikesUs}`);
  log(`   ${thousands(urgent)} urgent, ${incidents} incidents opened, ${spikes.stats().terms} terms tracked; analyzer load (eld 'small' + AFINN) ${r.urgency_load_ms} ms`);
  return r;
}

function runOne(analyzer: UrgencyAnalyzer, spikes: SpikeDetector, rules: UrgencyRules, m: SampleMention): { urgent: boolean; opened: number } {
  const a = analyzer.analyze({ body: m.text, language: m.platformLanguage, platform: 'x' }, m.author, rules);
  let opened = 0;
  for (const e of spikes.observe({ messageId: m.messageId, time: m.time, text: m.text, language: a.language, authorId: m.author.platformId })) if (e.type === 'opened') opened++;
  return { urgent: a.urgency.urgent, opened };
}

/** `npm run bench:urgency [-- --json]`: this phase alone. */
export async function mainUrgency(argv: string[]): Promise<number> {
  for (const a of argv) if (a !== '--json') throw new Error(`Unknown option ${a} (known: --json)`);
  console.log(`Shiftdesk urgent-mention benchmark: ${thousands(URGENCY_MENTIONS)} mentions through language + sentiment + rules + spikes (node ${process.version})`);
  const { analyzer, ms } = await loadAnalyzer();
  const r = measureUrgency(analyzer, ms);
  if (argv.includes('--json')) console.log(JSON.stringify(r));
  return 0;
}
