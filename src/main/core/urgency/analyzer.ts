// One call per incoming message: language, sentiment and the urgency rules together.
import { DEFAULT_URGENCY_RULES, evaluateUrgency, type UrgencyAuthor, type UrgencyRules, type UrgencyVerdict } from '@shared/urgency';
import { loadLanguageDetector, type EldSize, type LanguageDetector, type LanguageDetectorOptions, type LanguageSource } from './language';
import { loadSentimentScorer, type Sentiment, type SentimentOptions, type SentimentScorer } from './sentiment';

export interface IncomingMessage {
  body: string;
  /** The platform's language tag for the message, if it sends one. */
  language?: string | null;
  /** The account's platform (VIP entries may be limited to one). */
  platform?: string | null;
}

export interface MessageAnalysis {
  /** BCP-47 primary subtag, or null when the text is too short or unclear: store it with the message. */
  language: string | null;
  languageSource: LanguageSource | null;
  /** How sure the language is (0..1), null without one. */
  languageConfidence: number | null;
  /** Score in [-1, 1] and label: store them with the message. */
  sentiment: Sentiment;
  /** urgent, mustInterrupt and the reasons to show. */
  urgency: UrgencyVerdict;
}

export class UrgencyAnalyzer {
  constructor(
    readonly languages: LanguageDetector,
    readonly sentiment: SentimentScorer,
  ) {}

  /** Synchronous and cheap (tens of microseconds): call it for every incoming message at ingest. */
  analyze(message: IncomingMessage, author: UrgencyAuthor, rules: UrgencyRules = DEFAULT_URGENCY_RULES): MessageAnalysis {
    const guess = this.languages.detect(message.body, message.language);
    // An unsure guess still picks a better lexicon than none.
    const sentiment = this.sentiment.score(message.body, guess.language ?? guess.guess);
    const urgency = evaluateUrgency({ body: message.body, language: guess.language, platform: message.platform ?? null, sentiment }, author, rules);
    return { language: guess.language, languageSource: guess.source, languageConfidence: guess.confidence, sentiment, urgency };
  }
}

export interface UrgencyAnalyzerOptions {
  /** eld's database: 'small' (default) is as accurate as the larger ones on short posts. */
  eldSize?: EldSize;
  language?: LanguageDetectorOptions;
  sentiment?: SentimentOptions;
}

/** Loads eld and AFINN (ES modules, so asynchronously): once when the core starts. */
export async function loadUrgencyAnalyzer(options: UrgencyAnalyzerOptions = {}): Promise<UrgencyAnalyzer> {
  const [languages, sentiment] = await Promise.all([loadLanguageDetector({ ...options.language, size: options.eldSize }), loadSentimentScorer(options.sentiment)]);
  return new UrgencyAnalyzer(languages, sentiment);
}
