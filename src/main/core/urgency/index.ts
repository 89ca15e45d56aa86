// Urgent-mention detection (issue #4): pure modules, no database. Wiring, per account:
//
//   const analyzer = await loadUrgencyAnalyzer();                      // once, at core start
//   const spikes = saved ? SpikeDetector.restore(saved, opts) : new SpikeDetector(opts);
//     // opts = spikeOptions(rules.spikes, { ignore: [account.handle, account.name] })
//   // for each new incoming message:
//   const a = analyzer.analyze({ body, language: item.language, platform }, item.author, rules);
//   // store a.language, a.sentiment.score / label, a.urgency.urgent (+ reasons, mustInterrupt)
//   const events = spikes.observe({ messageId, time: item.createdAt, text: body, language: a.language, authorId: item.author.platformId });
//   // opened / joined / grouped / closed incidents; spikes.tick(clock.now()) on a timer closes quiet ones;
//   // persist spikes.snapshot() (plain JSON) now and then and at shutdown.
//
// The rules' schema and evaluator live in src/shared/urgency.ts (the renderer edits the rules and
// shows the reasons; shared cannot import the core), re-exported here.
export { UrgencyAnalyzer, loadUrgencyAnalyzer, type IncomingMessage, type MessageAnalysis, type UrgencyAnalyzerOptions } from './analyzer';
export { LanguageDetector, loadLanguageDetector, normalizeLanguageTag, type EldSize, type LanguageGuess, type LanguageSource } from './language';
export { SentimentScorer, loadSentimentScorer, createSentimentScorer, type Sentiment, type SentimentLabel } from './sentiment';
export {
  SpikeDetector,
  spikeOptions,
  spikeSnapshotSchema,
  type Incident,
  type SpikeDetectorOptions,
  type SpikeEvent,
  type SpikeInput,
  type SpikeSnapshot,
} from './spikes';
export { significantTerms, stopWordsFor } from './terms';
export {
  DEFAULT_URGENCY_RULES,
  evaluateUrgency,
  isUrgent,
  parseUrgencyRules,
  urgencyRulesSchema,
  type UrgencyAuthor,
  type UrgencyMessage,
  type UrgencyReason,
  type UrgencyRule,
  type UrgencyRules,
  type UrgencyRulesInput,
  type UrgencyVerdict,
} from '@shared/urgency';
