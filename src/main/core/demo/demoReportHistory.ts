// The demo's past: four weeks of answered and resolved conversations written once, on the first
// start, so reports have something to show. Written as the replica would have them (customers,
// conversations, messages) and turned into events by the same backfill migration 15 runs, plus
// survey answers for a share of the resolved ones. About 600 conversations: a few tens of
// milliseconds, once.
import type { Platform } from '@shared/domain';
import { NO_DEADLINE } from '@shared/domain';
import type { Repos } from '../repos';
import { backfillReports } from '../reports/backfill';
import { recordSurveyAnswer } from '../reports/recordEvents';
import { seededRandom } from '../connectors/simulator/random';

const SETTING = 'demo-report-history';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const DAYS = 28;
const PER_DAY = 22;

/** The markets of the demo accounts (editable in the app like any account's). */
export const DEMO_REGIONS: Record<string, string> = {
  'demo-x': 'AMER',
  'demo-instagram': 'EMEA',
  'demo-facebook': 'EMEA',
  'demo-bluesky': 'AMER',
  'demo-email': 'EMEA',
  'demo-deals': 'APAC',
};

const LINES: Record<string, { ask: string[]; thanks: string[]; answer: string[] }> = {
  en: { ask: ['My bag did not arrive in Lisbon', 'Can I change my flight to Friday?', 'Still waiting for my refund'], thanks: ['Thanks, that worked!', 'Great, thank you'], answer: ['Sorry about that, let me check', 'Done: you are on the Friday flight'] },
  es: { ask: ['Mi maleta no llegó', '¿Puedo cambiar mi vuelo?'], thanks: ['¡Gracias!'], answer: ['Lo sentimos, lo revisamos ahora'] },
  'pt-BR': { ask: ['Meu voo foi cancelado', 'Quero remarcar a viagem'], thanks: ['Obrigada!'], answer: ['Sentimos muito, vamos verificar'] },
  de: { ask: ['Mein Koffer ist nicht angekommen', 'Kann ich umbuchen?'], thanks: ['Danke!'], answer: ['Das tut uns leid, wir prüfen es'] },
  lv: { ask: ['Mana soma nav atlidojusi'], thanks: ['Paldies!'], answer: ['Atvainojiet, mēs pārbaudīsim'] },
  ja: { ask: ['荷物が届いていません'], thanks: ['ありがとうございます'], answer: ['申し訳ありません、確認します'] },
};
const LANGUAGES = ['en', 'en', 'en', 'es', 'pt-BR', 'de', 'lv', 'ja'];
const SENTIMENTS = ['negative', 'negative', 'neutral', 'neutral', 'positive'];

export function seedDemoReportHistory(repos: Repos, now: number, agents: readonly string[]): void {
  if (repos.workspace.setting(SETTING) !== null) return;
  const random = seededRandom(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const accounts = repos.workspace.accounts().filter((a) => a.id in DEMO_REGIONS);
  if (accounts.length === 0 || agents.length === 0) return;
  repos.db.transaction(() => {
    for (const a of accounts) if (!a.region) repos.workspace.setAccountRegion(a.id, DEMO_REGIONS[a.id]!);
    const firstNewId = repos.messages.maxId();
    const ids: number[] = [];
    const resolvedAt = new Map<number, number>();
    for (let day = DAYS; day >= 1; day--) {
      for (let n = 0; n < PER_DAY; n++) {
        const account = pick(accounts);
        const language = pick(LANGUAGES);
        const lines = LINES[language]!;
        // Busier in the European and American day.
        // A day earlier than `day`: even the slowest answer comes before now.
        const start = now - (day + 1) * DAY + Math.floor((6 + random() * 16) * HOUR);
        const agent = pick(agents);
        const customerId = repos.conversations.upsertCustomer({
          accountId: account.id,
          platformId: `history-${day}-${n}`,
          handle: `traveller${day}${n}`,
          displayName: `Traveller ${day}-${n}`,
          language,
          followers: Math.floor(random() * 500),
          verified: false,
          profileUrl: null,
          updatedAt: start,
        });
        const id = repos.conversations.insert({
          status: 'resolved',
          intent: null,
          accountId: account.id,
          platformId: `history-${day}-${n}`,
          kind: kindFor(account.platform),
          customerId,
          subject: null,
          priority: random() < 0.06 ? 'urgent' : 'normal',
          language,
          createdAt: start,
          dueAt: NO_DEADLINE,
        });
        // Waits: most within the hour, some long (nights, weekends, busy days).
        const firstWait = Math.round((random() < 0.8 ? 5 + random() * 50 : 60 + random() * 600) * MIN);
        const answered = start + firstWait;
        const back = answered + Math.round((10 + random() * 60) * MIN);
        const second = back + Math.round((3 + random() * 90) * MIN);
        const message = (direction: 'in' | 'out', at: number, body: string) =>
          repos.messages.insert({
            conversationId: id,
            accountId: account.id,
            platformId: `history-${id}-${at}`,
            direction,
            customerId: direction === 'in' ? customerId : null,
            agentId: direction === 'out' ? agent : null,
            body,
            language: direction === 'in' ? language : null,
            urgent: false,
            createdAt: at,
            status: direction === 'in' ? 'received' : 'sent',
            sentiment: direction === 'in' ? { score: 0, label: pick(SENTIMENTS) } : null,
          });
        message('in', start, pick(lines.ask));
        message('out', answered, pick(lines.answer));
        message('in', back, pick(lines.thanks));
        message('out', second, pick(lines.answer));
        repos.conversations.patch(id, { lastMessageAt: second, firstRespondedAt: answered, lastRespondedAt: second, assigneeId: agent });
        ids.push(id);
        resolvedAt.set(id, second);
      }
    }
    repos.messages.indexSince(firstNewId);
    backfillReports(repos.db, { conversationIds: ids });
    for (const id of ids) {
      if (random() < 0.25) {
        const nps = random() < 0.35;
        // Mostly happy customers, some not.
        const score = nps ? pick([10, 10, 9, 9, 8, 7, 6, 3]) : pick([5, 5, 5, 4, 4, 3, 2, 1]);
        recordSurveyAnswer(repos, { conversationId: id, kind: nps ? 'nps' : 'csat', score, at: resolvedAt.get(id)! + 2 * HOUR });
      }
    }
    repos.workspace.setSetting(SETTING, String(now));
  })();
}

const kindFor = (platform: Platform) => (platform === 'email' ? 'email' : platform === 'x' || platform === 'bluesky' ? 'mention' : 'comment');
