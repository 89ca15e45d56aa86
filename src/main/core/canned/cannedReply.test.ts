// A response made ready for a real conversation in a real replica: the customer's-language
// variant for the platform, includes, variables filled from the conversation, gaps flagged.
import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '@shared/cannedResponses';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, T0 } from '../../../../test/support/coreFixtures';
import { EventBus } from '../events';
import { InboxService } from '../inbox/inboxService';
import { ingestPage } from '../sync/ingest';
import { CannedLibrary } from './cannedLibrary';
import { prepareCannedReply } from './cannedReply';

const response = (id: string, shortcut: string, variants: CannedResponse['variants']): CannedResponse => ({
  id,
  title: `Title ${shortcut}`,
  folder: '',
  tags: [],
  shortcut,
  variants,
  createdAt: 0,
  updatedAt: 0,
});

function setup(language: string | null, displayName = 'Anna Bērziņa', profileLanguage?: string) {
  const repos = makeRepos();
  const item = inbound({ thread: 't1', user: 'anna_b', language, body: 'Mana soma nav atbraukusi' });
  ingestPage(repos, ACCOUNT_ID, [{ ...item, author: { ...item.author, displayName, ...(profileLanguage ? { language: profileLanguage } : {}) } }], 'c', DEFAULT_SLA_POLICIES, T0);
  const conversationId = repos.conversations.stateByPlatformId(ACCOUNT_ID, 't1')!.id;
  const lib = new CannedLibrary({ repos, clock: { now: () => T0 }, events: new EventBus() });
  lib.save(response('sign', 'sign', [{ language: null, platform: null, body: '— {{agent.first_name}}, {{account.name}}' }]));
  lib.save(
    response('bag', 'bag', [
      { language: 'en', platform: null, body: 'Hi {{customer.first_name}}, we are tracing your bag and will write again within {{sla.expected_response}}. {{> sign}}' },
      { language: 'lv', platform: null, body: 'Sveiki, {{customer.first_name}}! Meklējam jūsu bagāžu, atbildēsim {{sla.expected_response}} laikā. {{> sign}}' },
      { language: 'lv', platform: 'x', body: 'Sveiki, {{customer.first_name}}! Meklējam bagāžu. {{> sign}}' },
      { language: 'en', platform: 'email', body: 'Dear {{customer.name}}, order {{custom.order_id}} ... {{customer.age}}' },
    ]),
  );
  const inbox = new InboxService({ repos, clock: { now: () => T0 }, events: new EventBus(), policies: () => DEFAULT_SLA_POLICIES, onQueued: () => {}, onDeadlinesChanged: () => {} });
  const deps = { repos, policies: () => DEFAULT_SLA_POLICIES, conversation: (id: number) => inbox.getConversation(id) };
  return { deps, conversationId, repos };
}

describe('prepareCannedReply', () => {
  it("picks the customer's-language variant for the platform and fills it from the conversation", () => {
    const { deps, conversationId } = setup('lv');
    const reply = prepareCannedReply(deps, 'bag', conversationId);
    expect(reply.variant).toEqual({ language: 'lv', platform: 'x' });
    expect(reply.reason).toMatchObject({ level: 'exact', platformSpecific: true });
    expect(reply.text).toBe('Sveiki, Anna! Meklējam bagāžu. — Sam, Brand Support');
    expect(reply.missing).toEqual([]);
    expect(reply.language).toBe('lv');
  });

  it("follows pt-BR → pt → en: a Brazilian profile gets the Brazilian variant of Portuguese, whichever is listed first", () => {
    for (const [profile, expected] of [
      ['pt-BR', 'pt-BR'],
      ['pt-PT', 'pt-PT'],
    ] as const) {
      const { deps, conversationId, repos } = setup('pt', 'Ana Souza', profile);
      repos.canned.save(
        response('refund', 'refund', [
          { language: 'pt-PT', platform: null, body: 'Olá {{customer.first_name}}, o reembolso foi pedido.' },
          { language: 'pt-BR', platform: null, body: 'Oi {{customer.first_name}}, o reembolso foi solicitado.' },
          { language: 'en', platform: null, body: 'Hi {{customer.first_name}}, the refund is on its way.' },
        ]),
      );
      const reply = prepareCannedReply(deps, 'refund', conversationId);
      expect(reply.variant.language).toBe(expected);
      expect(reply.reason).toMatchObject({ level: 'exact' });
    }
  });

  it("writes the SLA's next-response target in the reply's language", () => {
    const { deps, conversationId, repos } = setup('lv');
    // Without the short X form, the generic Latvian variant (which names the target) is used.
    const bag = repos.canned.get('bag')!;
    repos.canned.save({ ...bag, variants: bag.variants.filter((v) => v.platform === null) });
    const reply = prepareCannedReply(deps, 'bag', conversationId);
    const twoHours = new Intl.NumberFormat('lv', { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(2);
    expect(reply.text).toBe(`Sveiki, Anna! Meklējam jūsu bagāžu, atbildēsim ${twoHours} laikā. — Sam, Brand Support`);
  });

  it('falls back to English when the language is unknown and says why', () => {
    const { deps, conversationId } = setup(null);
    const reply = prepareCannedReply(deps, 'bag', conversationId);
    expect(reply.variant).toEqual({ language: 'en', platform: null });
    expect(reply.reason.level).toBe('english');
    expect(reply.text).toMatch(/^Hi Anna, we are tracing your bag and will write again within 2 hours\. — Sam, Brand Support$/);
  });

  it('keeps what it cannot fill visible in the text and lists it', () => {
    const { deps, conversationId, repos } = setup('en', '');
    const bag = repos.canned.get('bag')!;
    repos.canned.save({ ...bag, variants: [{ language: 'en', platform: null, body: 'Dear {{customer.first_name}}, order {{custom.order_id}} {{customer.age}}' }] });
    const reply = prepareCannedReply(deps, 'bag', conversationId);
    expect(reply.missing).toEqual(['custom.order_id']);
    expect(reply.unknown).toEqual(['customer.age']);
    expect(reply.text).toContain('{{custom.order_id}}');
    expect(reply.issues.map((i) => reply.text.slice(i.start, i.end))).toEqual(['{{custom.order_id}}', '{{customer.age}}']);
  });

  it('names a response that does not exist', () => {
    const { deps, conversationId } = setup('en');
    expect(() => prepareCannedReply(deps, 'nope', conversationId)).toThrow(/nope/);
  });
});
