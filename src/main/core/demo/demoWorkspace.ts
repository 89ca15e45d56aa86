// The built-in demo workspace: an airline's support accounts on several platforms, fed by
// simulated platforms, and a few teammates. Lets anyone try everything without credentials.
import { DEMO_CONNECTOR } from '@shared/accountConnectors';
import { join } from 'node:path';
import type { Agent } from '@shared/domain';
import type { Clock } from '../ports';
import type { Repos } from '../repos';
import type { NewAccount } from '../repos/workspace';
import { SimulatedPlatform, type SimulatedAccount } from '../connectors/simulator/platform';
import { DEMO_RESPONSES } from './demoLibrary';
import { seedDemoSchedule } from './demoSchedule';
import { seedDemoReportHistory } from './demoReportHistory';

export interface DemoOptions {
  /** New inbound messages per minute across all demo accounts (default 2). */
  ratePerMinute?: number;
  seed?: number;
  /** Seconds after the first start at which one waiting conversation breaches (default 90). */
  breachSoonSeconds?: number;
  /** Share of built-in satisfaction surveys the simulated customers answer (default 0.7). */
  surveyAnswerChance?: number;
}

export { DEMO_CONNECTOR };

const ACCOUNTS: (NewAccount & Pick<SimulatedAccount, 'kinds' | 'sales' | 'searchable'>)[] = [
  { id: 'demo-x', platform: 'x', name: 'Aurora Air Support', handle: '@AuroraAirHelp', role: 'support', connector: DEMO_CONNECTOR, kinds: ['mention', 'mention', 'dm'], searchable: true },
  { id: 'demo-instagram', platform: 'instagram', name: 'Aurora Air', handle: '@auroraair', role: 'brand', connector: DEMO_CONNECTOR, kinds: ['comment', 'comment', 'dm'] },
  { id: 'demo-facebook', platform: 'facebook', name: 'Aurora Air', handle: 'Aurora Air', role: 'support', connector: DEMO_CONNECTOR, kinds: ['comment', 'dm'] },
  { id: 'demo-bluesky', platform: 'bluesky', name: 'Aurora Air', handle: '@auroraair.bsky.social', role: 'support', connector: DEMO_CONNECTOR, kinds: ['mention'], searchable: true },
  { id: 'demo-email', platform: 'email', name: 'Aurora Air Help Desk', handle: 'help@aurora-air.example', role: 'support', connector: DEMO_CONNECTOR, kinds: ['email'] },
  { id: 'demo-deals', platform: 'instagram', name: 'Aurora Air Deals', handle: '@auroraairdeals', role: 'sales', connector: DEMO_CONNECTOR, kinds: ['comment', 'dm'], sales: true },
];

const STREAMS = [
  { id: 'demo-stream-brand', accountId: 'demo-x', name: 'Brand named without the handle', query: '#AuroraAir OR "Aurora Air"', intent: 'support' as const },
  {
    id: 'demo-stream-purchase',
    accountId: 'demo-bluesky',
    name: 'Purchase intent',
    query: 'fare OR sale OR price OR tarifa OR oferta OR promoção OR Angebot OR tarif OR promo OR 割引',
    intent: 'sales' as const,
  },
];

const TEAMMATES: Pick<Agent, 'id' | 'name' | 'timeZone' | 'isSelf'>[] = [
  { id: 'demo-agent-priya', name: 'Priya Nair', timeZone: 'Asia/Kolkata', isSelf: false },
  { id: 'demo-agent-jonas', name: 'Jonas Becker', timeZone: 'Europe/Berlin', isSelf: false },
  { id: 'demo-agent-aiko', name: 'Aiko Tanaka', timeZone: 'Asia/Tokyo', isSelf: false },
  { id: 'demo-agent-laura', name: 'Laura Ozola', timeZone: 'Europe/Riga', isSelf: false },
];

export function setUpDemo(repos: Repos, dataDir: string, clock: Clock, options: DemoOptions = {}): SimulatedPlatform {
  const now = clock.now();
  repos.db.transaction(() => {
    // The library only on the first start: responses the team removed stay removed.
    if (repos.workspace.setting('demo') === null) repos.canned.saveAll(DEMO_RESPONSES.map((r) => ({ ...r, createdAt: now, updatedAt: now })));
    for (const { kinds: _kinds, sales: _sales, searchable: _searchable, ...account } of ACCOUNTS) repos.workspace.addAccount(account, now);
    for (const stream of STREAMS) if (!repos.listening.get(stream.id)) repos.listening.add(stream, now);
    for (const agent of TEAMMATES) repos.workspace.addAgent(agent, now);
    seedDemoSchedule(repos, now);
    seedDemoReportHistory(repos, now, [...TEAMMATES.map((a) => a.id), repos.workspace.selfAgent().id]);
    repos.workspace.setSetting('demo', '1');
  })();
  return new SimulatedPlatform({
    path: dataDir === ':memory:' ? ':memory:' : join(dataDir, 'demo-platforms.sqlite'),
    accounts: ACCOUNTS.map(({ id, platform, kinds, sales, searchable }) => ({ id, platform, kinds, sales, searchable })),
    clock,
    ratePerMinute: options.ratePerMinute ?? 2,
    seed: options.seed,
    breachSoonSeconds: options.breachSoonSeconds ?? 90,
    surveyAnswerChance: options.surveyAnswerChance,
  });
}
