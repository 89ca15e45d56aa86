import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CannedTemplateError,
  cannedResponseSchema,
  checkBrandVoice,
  chooseVariant,
  expandIncludes,
  exportCsv,
  exportJson,
  fillTemplate,
  findShortcutQuery,
  importCsv,
  importJson,
  languageChain,
  libraryLookup,
  parseCsv,
  rankResponses,
  renderReply,
  type BrandVoiceGuidelines,
  type CannedResponse,
  type CannedVariant,
  type TemplateContext,
} from './cannedResponses';

const T0 = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

function response(shortcut: string, variants: CannedVariant[] | string, extra: Partial<CannedResponse> = {}): CannedResponse {
  return {
    id: `id-${shortcut}`,
    title: `Title ${shortcut}`,
    folder: '',
    tags: [],
    shortcut,
    variants: typeof variants === 'string' ? [{ language: null, platform: null, body: variants }] : variants,
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}
const v = (language: string | null, platform: CannedVariant['platform'], body: string): CannedVariant => ({ language, platform, body });

const context: TemplateContext = {
  customer: { name: 'Ana Souza', handle: '@ana' },
  agent: { name: 'Rui Costa' },
  account: { name: 'Acme' },
  conversation: { id: 'c-42' },
  sla: { expectedResponse: 'within 2 hours' },
  custom: { order_id: 'A-1001' },
};

describe('fillTemplate', () => {
  it('fills every variable, with spaces inside braces, and derives first names', () => {
    const r = fillTemplate(
      'Hi {{customer.first_name}} ({{ customer.handle }}), {{agent.first_name}} from {{account.name}} here. ' +
        'Order {{custom.order_id}}, ticket {{conversation.id}}, answer {{sla.expected_response}}. {{customer.name}} / {{ agent.name }}',
      context,
    );
    expect(r.text).toBe('Hi Ana (@ana), Rui from Acme here. Order A-1001, ticket c-42, answer within 2 hours. Ana Souza / Rui Costa');
    expect(r).toMatchObject({ missing: [], unknown: [], issues: [] });
  });

  it('prefers an explicit first name over the derived one', () => {
    expect(fillTemplate('{{customer.first_name}}', { customer: { name: 'Tanaka Yuki', firstName: 'Yuki' } }).text).toBe('Yuki');
  });

  it('keeps missing variables visibly by default, reports each once, with ranges in the output', () => {
    const r = fillTemplate('Hi {{customer.first_name}}, order {{ custom.order_id }} {{customer.first_name}}', { customer: { name: '  ' } });
    expect(r.text).toBe('Hi {{customer.first_name}}, order {{ custom.order_id }} {{customer.first_name}}');
    expect(r.missing).toEqual(['customer.first_name', 'custom.order_id']);
    expect(r.issues).toHaveLength(3);
    for (const issue of r.issues) expect(r.text.slice(issue.start, issue.end)).toMatch(/^\{\{.*\}\}$/);
  });

  it('removes missing variables when asked', () => {
    const r = fillTemplate('Hi {{customer.first_name}}!', {}, { missing: 'remove' });
    expect(r.text).toBe('Hi !');
    expect(r.missing).toEqual(['customer.first_name']);
    expect(r.issues[0]).toMatchObject({ kind: 'missing', start: 3, end: 3 });
  });

  it('reports unknown placeholders and leaves them as written', () => {
    const r = fillTemplate('{{customer.age}} {{ hello world }} {{customer.first_name}}', context);
    expect(r.text).toBe('{{customer.age}} {{ hello world }} Ana');
    expect(r.unknown).toEqual(['customer.age', 'hello world']);
    expect(r.issues.map((i) => r.text.slice(i.start, i.end))).toEqual(['{{customer.age}}', '{{ hello world }}']);
  });

  it('keeps escaped braces literal', () => {
    const r = fillTemplate('Type \\{{customer.name}} to get {{customer.name}}; a lone {{ stays, and \\{{> x}} too', context);
    expect(r.text).toBe('Type {{customer.name}} to get Ana Souza; a lone {{ stays, and {{> x}} too');
    expect(r).toMatchObject({ missing: [], unknown: [] });
  });

  it('never expands values as templates', () => {
    const r = fillTemplate('Hi {{customer.name}}', { customer: { name: '{{agent.name}} \\{{x}}' }, agent: { name: 'Rui' } });
    expect(r.text).toBe('Hi {{agent.name}} \\{{x}}');
  });

  it('accepts upper-case variable names and custom keys case-insensitively', () => {
    expect(fillTemplate('{{Customer.First_Name}} {{custom.ORDER_ID}}', context).text).toBe('Ana A-1001');
  });
});

describe('chooseVariant', () => {
  const r = response('refund', [
    v('en', null, 'en generic'),
    v('pt', null, 'pt generic'),
    v('pt', 'x', 'pt X'),
    v(null, null, 'default'),
    v('de', 'x', 'de X only'),
  ]);

  it('walks pt-BR → pt and prefers the platform-specific variant at that level', () => {
    const c = chooseVariant(r, { language: 'pt-BR', platform: 'x' })!;
    expect(c.variant.body).toBe('pt X');
    expect(c.reason).toMatchObject({ level: 'base-language', platformSpecific: true });
    expect(c.reason.message).toContain('no pt-BR');
    expect(chooseVariant(r, { language: 'pt-BR', platform: 'mastodon' })!.variant.body).toBe('pt generic');
  });

  it('takes an exact language match first, case-insensitively', () => {
    const r2 = response('a', [v('pt', null, 'pt'), v('pt-br', null, 'pt-BR')]);
    expect(chooseVariant(r2, { language: 'pt-BR', platform: 'x' })).toMatchObject({ index: 1, reason: { level: 'exact', platformSpecific: false } });
  });

  it('language beats platform: a generic pt-BR variant wins over an X-specific pt one', () => {
    const r2 = response('a', [v('pt', 'x', 'pt X'), v('pt-BR', null, 'pt-BR generic')]);
    expect(chooseVariant(r2, { language: 'pt-BR', platform: 'x' })!.variant.body).toBe('pt-BR generic');
  });

  it('falls back to the default (any-language) variant, then to English', () => {
    expect(chooseVariant(r, { language: 'lv', platform: 'x' })).toMatchObject({ variant: { body: 'default' }, reason: { level: 'default' } });
    const noDefault = response('b', [v('en-GB', null, 'en-GB'), v('en', 'email', 'en email'), v('fr', null, 'fr')]);
    expect(chooseVariant(noDefault, { language: 'lv', platform: 'email' })).toMatchObject({ variant: { body: 'en email' }, reason: { level: 'english', platformSpecific: true } });
    expect(chooseVariant(noDefault, { language: 'lv', platform: 'x' })).toMatchObject({ variant: { body: 'en-GB' }, reason: { level: 'english' } });
  });

  it('uses another region of the same language before the default', () => {
    const r2 = response('a', [v(null, null, 'default'), v('pt-PT', null, 'pt-PT')]);
    expect(chooseVariant(r2, { language: 'pt-BR', platform: null })).toMatchObject({ variant: { body: 'pt-PT' }, reason: { level: 'related-language' } });
  });

  it('ignores variants for another platform until nothing else is left', () => {
    expect(chooseVariant(r, { language: 'de', platform: 'email' })!.variant.body).toBe('default');
    const only = response('c', [v('de', 'x', 'de X')]);
    expect(chooseVariant(only, { language: 'fr', platform: 'email' })).toMatchObject({ variant: { body: 'de X' }, reason: { level: 'any', platformSpecific: false } });
  });

  it('handles an unknown conversation language', () => {
    expect(chooseVariant(r, { language: null, platform: null })!.variant.body).toBe('default');
  });

  it('builds the language chain like RFC 4647 lookup', () => {
    expect(languageChain('pt-BR')).toEqual(['pt-BR', 'pt']);
    expect(languageChain('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(languageChain('en-a-bbb-x-ccc')).toEqual(['en-a-bbb-x-ccc', 'en-a-bbb', 'en']);
  });
});

describe('includes and combining', () => {
  const sig = response('sig', [v('pt', null, '— {{agent.first_name}}, {{account.name}}'), v(null, null, '— {{agent.first_name}} at {{account.name}}')]);
  const sorry = response('sorry', [v(null, null, 'Sorry, {{customer.first_name}}.'), v('pt', null, 'Desculpe, {{customer.first_name}}.')]);
  const refund = response('refund', [v(null, null, '{{> sorry}} Your refund is on its way.\n{{> sig}}'), v('pt-BR', null, '{{>sorry}} Seu reembolso está a caminho.\n{{ > SIG }}')]);
  const lookup = libraryLookup([sig, sorry, refund]);

  it('expands includes recursively with the same language choice', () => {
    const out = renderReply([refund], lookup, { language: 'pt-BR', platform: 'x' }, context);
    expect(out.text).toBe('Desculpe, Ana. Seu reembolso está a caminho.\n— Rui, Acme');
    expect(out.choices.map((c) => [c.shortcut, c.choice.reason.level])).toEqual([
      ['refund', 'exact'],
      ['sorry', 'base-language'],
      ['sig', 'base-language'],
    ]);
    expect(renderReply([refund], lookup, { language: 'en', platform: 'x' }, context).text).toBe('Sorry, Ana. Your refund is on its way.\n— Rui at Acme');
  });

  it('names the cycle', () => {
    const a = response('a', '{{> b}}');
    const b = response('b', 'x {{> c}}');
    const c = response('c', '{{> A}}');
    const look = libraryLookup([a, b, c]);
    let error: unknown;
    try {
      expandIncludes(a, look, { language: 'en', platform: null });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CannedTemplateError);
    expect(error).toMatchObject({ kind: 'cycle', message: 'Include cycle: /a → /b → /c → /A', path: ['a', 'b', 'c', 'A'] });
    const self = response('self', 'me {{> self}}');
    expect(() => expandIncludes(self, libraryLookup([self]), { language: null, platform: null })).toThrow('Include cycle: /self → /self');
  });

  it('allows the same response twice when it is not a cycle', () => {
    const two = response('two', '{{> sig}} {{> sig}}');
    expect(renderReply([two], libraryLookup([two, sig]), { language: 'en', platform: null }, context).text).toBe('— Rui at Acme — Rui at Acme');
  });

  it('refuses includes nested deeper than the limit', () => {
    const chain = Array.from({ length: 8 }, (_, i) => response(`l${i}`, i < 7 ? `${i} {{> l${i + 1}}}` : 'end'));
    const look = libraryLookup(chain);
    expect(() => expandIncludes(chain[0]!, look, { language: null, platform: null })).toThrow(/deeper than 5 levels/);
    expect(expandIncludes(chain[0]!, look, { language: null, platform: null }, { maxDepth: 7 }).body).toBe('0 1 2 3 4 5 6 end');
    expect(expandIncludes(chain[3]!, look, { language: null, platform: null }).body).toBe('3 4 5 6 end');
  });

  it('refuses an include that is not in the library, and leaves escaped includes alone', () => {
    const r = response('r', 'a {{> nowhere}}');
    expect(() => expandIncludes(r, lookup, { language: null, platform: null })).toThrow(expect.objectContaining({ kind: 'not-found', message: '/r includes /nowhere, which is not in the library' }));
    const escaped = response('e', 'type \\{{> sig}} to sign');
    expect(renderReply([escaped], lookup, { language: null, platform: null }, context).text).toBe('type {{> sig}} to sign');
  });

  it('combines several responses with a blank line, issue ranges in the combined text', () => {
    const hello = response('hello', '  Hello {{customer.first_name}}!\n');
    const order = response('order', 'Order: {{custom.tracking}}');
    const out = renderReply([hello, order, sig], lookup, { language: 'en', platform: 'email' }, context);
    expect(out.text).toBe('Hello Ana!\n\nOrder: {{custom.tracking}}\n\n— Rui at Acme');
    expect(out.missing).toEqual(['custom.tracking']);
    expect(out.text.slice(out.issues[0]!.start, out.issues[0]!.end)).toBe('{{custom.tracking}}');
  });
});

describe('findShortcutQuery', () => {
  it('detects /refund at the start, after a space and after a newline', () => {
    expect(findShortcutQuery('/ref', 4)).toEqual({ query: 'ref', token: 'ref', start: 0, end: 4 });
    expect(findShortcutQuery('Hi /refund', 10)).toEqual({ query: 'refund', token: 'refund', start: 3, end: 10 });
    expect(findShortcutQuery('Hi Ana,\n/sig', 12)).toEqual({ query: 'sig', token: 'sig', start: 8, end: 12 });
    expect(findShortcutQuery('Hi /', 4)).toEqual({ query: '', token: '', start: 3, end: 4 });
  });

  it('with the caret in the middle, queries up to the caret and replaces the whole word', () => {
    expect(findShortcutQuery('Hi /refund now', 7)).toEqual({ query: 'ref', token: 'refund', start: 3, end: 10 });
    expect(findShortcutQuery('/refund-pt_BR2 x', 3)).toEqual({ query: 're', token: 'refund-pt_BR2', start: 0, end: 14 });
  });

  it('ignores slashes inside words, URLs and paths, and a caret before the slash', () => {
    expect(findShortcutQuery('and/or', 6)).toBeNull();
    expect(findShortcutQuery('see https://example.com/refund', 30)).toBeNull();
    expect(findShortcutQuery('see example.com/refund', 22)).toBeNull();
    expect(findShortcutQuery('go /refund/x', 8)).toBeNull();
    expect(findShortcutQuery('Hi /refund', 3)).toBeNull();
    expect(findShortcutQuery('Hi /re fund', 11)).toBeNull();
    expect(findShortcutQuery('', 0)).toBeNull();
  });

  it('accepts trailing punctuation after the word', () => {
    expect(findShortcutQuery('try /refund, then', 8)).toMatchObject({ query: 'ref', token: 'refund', end: 11 });
  });
});

describe('rankResponses', () => {
  const refund = response('refund', 'We will refund you', { id: 'r1', title: 'Refund issued', tags: ['billing'] });
  const late = response('late', 'Your parcel is late; a refund is possible', { id: 'r2', title: 'Late delivery', tags: ['shipping'] });
  const billing = response('invoice', 'Here is your invoice', { id: 'r3', title: 'Invoice copy', tags: ['billing', 'refund-policy'] });
  const cafe = response('cafe', 'Café voucher', { id: 'r4', title: 'Café voucher' });
  const all = [refund, late, billing, cafe];

  it('orders shortcut, title, tag and body matches', () => {
    const ranked = rankResponses(all, 'refund');
    expect(ranked.map((r) => r.response.id)).toEqual(['r1', 'r3', 'r2']);
    expect(ranked.map((r) => r.tier)).toEqual([5, 2, 1]);
    expect(ranked[0]!.matched).toEqual(expect.arrayContaining(['shortcut', 'title']));
  });

  it('uses usage count, then recency, within a tier', () => {
    const usage = { r2: { count: 10, lastUsedAt: T0 }, r3: { count: 10, lastUsedAt: T0 + 1000 } };
    // only r2 and r3 have "your" (in their bodies): same tier
    expect(rankResponses(all, 'your', usage).map((r) => r.response.id)).toEqual(['r3', 'r2']);
    expect(rankResponses(all, 'your', new Map([['r2', { count: 11, lastUsedAt: null }]])).map((r) => r.response.id)).toEqual(['r2', 'r3']);
  });

  it('lists everything for an empty query by usage, and needs every word to match', () => {
    const usage = { r4: { count: 3, lastUsedAt: T0 }, r1: { count: 1, lastUsedAt: T0 } };
    expect(rankResponses(all, '/', usage).map((r) => r.response.id)).toEqual(['r4', 'r1', 'r3', 'r2']);
    expect(rankResponses(all, 'late refund').map((r) => r.response.id)).toEqual(['r2']);
    expect(rankResponses(all, 'nothing-like-this')).toEqual([]);
  });

  it('matches without accents and with a leading slash', () => {
    expect(rankResponses(all, 'cafe').map((r) => r.response.id)).toEqual(['r4']);
    expect(rankResponses(all, 'CAFÉ').map((r) => r.response.id)).toEqual(['r4']);
    expect(rankResponses(all, '/inv')[0]).toMatchObject({ tier: 4, response: { id: 'r3' } });
  });
});

// ---------------------------------------------------------------------------------------------

const nasty: CannedResponse[] = [
  response(
    'refund',
    [
      v(null, null, 'Hi {{customer.first_name}},\n"quoted", commas, and\r\nCRLF lines\n\nblank line above'),
      v('pt-BR', 'x', 'Olá 👋🏽 — "aspas" e vírgulas, tudo bem?'),
      v('ar', null, 'مرحبا {{customer.first_name}}، شكراً لتواصلك ‏(RTL)‏ 🙏'),
      v('ja', 'bluesky', '返金します。\n"引用"'),
    ],
    { id: 'r-1', title: 'Refund, "fast"', folder: 'Billing/Refunds', tags: ['billing', 'money back', 'été'], createdAt: T0, updatedAt: T0 + 1 },
  ),
  response('sig_2', '  leading and trailing spaces  ', { id: 'r-2', title: ' Signature ', folder: '', tags: [] }),
  response('e-mail', [v('en-GB', 'email', '=SUM(A1) +1 -1 @x,\ttab\u2028separator\\{{escaped}}')], { id: 'r-3', title: 'Formula-looking' }),
];

describe('JSON import/export', () => {
  it('round-trips nasty content', () => {
    const text = exportJson(nasty, T0);
    expect(JSON.parse(text)).toMatchObject({ format: 'shiftdesk.canned-responses', version: 1, exportedAt: T0 });
    const back = importJson(text);
    expect(back).toEqual({ ok: true, responses: nasty.map((r) => ({ ...r, title: r.title.trim() })) });
  });

  it('accepts a bare array and a BOM, and refuses newer versions and foreign JSON', () => {
    expect(importJson('\uFEFF' + JSON.stringify([nasty[0]]))).toMatchObject({ ok: true });
    expect(importJson(JSON.stringify({ format: 'shiftdesk.canned-responses', version: 2, responses: [] }))).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('version 2') }] });
    expect(importJson('{"hello": 1}')).toMatchObject({ ok: false });
    expect(importJson('not json')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^Not valid JSON/) }] });
  });

  it('points at the response and the field', () => {
    const bad = [nasty[0], { ...nasty[1], shortcut: 'sig!' }, { ...nasty[2], variants: [v('english', 'x', 'b')] }, { ...nasty[1], id: 'r-9', shortcut: 'REFUND' }];
    const r = importJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      "Response 2: shortcut 'sig!' may only contain letters, digits, - and _",
      "Response 3: variants.0.language: language 'english' is not a language tag such as en or pt-BR",
      "Response 4: shortcut 'REFUND' is already used by response 1",
    ]);
    expect(r.errors[1]).toMatchObject({ row: 3, column: 'variants.0.language' });
  });
});

describe('CSV import/export', () => {
  it('round-trips nasty content without loss', () => {
    const csv = exportCsv(nasty);
    expect(csv.split('\r\n')[0]).toBe('id,title,folder,tags,shortcut,language,platform,body,createdAt,updatedAt');
    const back = importCsv(csv);
    expect(back).toEqual({ ok: true, responses: nasty.map((r) => ({ ...r, title: r.title.trim() })) });
    // and again: export of the import is byte-identical
    if (back.ok) expect(exportCsv(back.responses)).toBe(exportCsv(nasty.map((r) => ({ ...r, title: r.title.trim() }))));
  });

  it('parses RFC 4180 quoting with embedded quotes, commas and line breaks', () => {
    const { records, error } = parseCsv('a,"b ""c"", d","e\r\nf"\r\n1,,"3"\n');
    expect(error).toBeNull();
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b "c", d', 'e\r\nf'],
      ['1', '', '3'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('reports an unclosed quote and text after a closing quote with the row', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3').error?.message).toBe('Row 2: a quoted field opened on line 2 is never closed');
    expect(parseCsv('a,b\n1,"x"y').error?.message).toBe('Row 2: unexpected text after a closing quote (line 2)');
  });

  it('imports a hand-made sheet: any column order, no ids, blank continuation rows', () => {
    const csv = ['shortcut,body,title,language,platform', 'hello,Hi!,Greeting,,', 'hello,Olá!,,pt,', 'hello,Oi!,,pt-BR,x', 'bye,Bye,Goodbye,en,'].join('\n');
    let n = 0;
    const r = importCsv(csv, { now: T0, newId: () => `new-${++n}` });
    expect(r).toEqual({
      ok: true,
      responses: [
        response('hello', [v(null, null, 'Hi!'), v('pt', null, 'Olá!'), v('pt-BR', 'x', 'Oi!')], { id: 'new-1', title: 'Greeting' }),
        response('bye', [v('en', null, 'Bye')], { id: 'new-2', title: 'Goodbye' }),
      ],
    });
  });

  it('points errors at the row and column', () => {
    const rows = [
      'id,title,folder,tags,shortcut,language,platform,body',
      'a,Refund,,billing,refund,,,ok', // 2
      'a,Refund,,billing,refund,pt,,ok pt', // 3
      'b,Late,,,late,,,ok', // 4
      'c,Bad,,,"refund!",,,x', // 5
      'd,Dup,,,REFUND,,,x', // 6
      'a,Refund,,billing,refund,pt,,again', // 7
      'e,E,,,e,xx-notatag-toolongsubtag,tiktok,', // 8
      'f,F,,,f,,', // 9
      'a,Other title,,,,,x,z', // 10
    ];
    const r = importCsv(rows.join('\r\n'), { now: T0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      "Row 5: shortcut 'refund!' may only contain letters, digits, - and _",
      "Row 6: shortcut 'REFUND' is already used by row 2",
      'Row 7: row 3 already has the variant for language pt and platform any',
      "Row 8: language 'xx-notatag-toolongsubtag' is not a language tag such as en or pt-BR",
      "Row 8: platform 'tiktok' is not one of x, bluesky, mastodon, facebook, instagram, email",
      'Row 8: body may not be empty',
      'Row 9: expected 8 fields, found 7',
      "Row 10: title 'Other title' differs from row 2 ('Refund') for the same response",
    ]);
    expect(r.errors[0]).toMatchObject({ row: 5, column: 'shortcut' });
    expect(r.errors[3]).toMatchObject({ row: 8, column: 'language' });
  });

  it('refuses unknown, duplicate and missing columns in the header', () => {
    const r = importCsv('id,title,notes,title\n1,a,b,c');
    expect(r).toMatchObject({
      ok: false,
      errors: [
        { row: 1, message: "Row 1: unknown column 'notes' (expected id, title, folder, tags, shortcut, language, platform, body, createdAt, updatedAt)" },
        { row: 1, message: "Row 1: column 'title' appears twice" },
        { row: 1, message: "Row 1: column 'shortcut' is missing" },
        { row: 1, message: "Row 1: column 'body' is missing" },
      ],
    });
    expect(importCsv('')).toMatchObject({ ok: false, errors: [{ row: 1 }] });
  });

  it('reports bad dates and tags with a semicolon cannot exist', () => {
    const r = importCsv('id,title,shortcut,body,createdAt\n1,T,s,b,yesterday');
    expect(r).toMatchObject({ ok: false, errors: [{ row: 2, column: 'createdAt', message: "Row 2: createdAt 'yesterday' is not a date (ISO 8601 or epoch milliseconds)" }] });
    expect(cannedResponseSchema.safeParse({ ...nasty[1], tags: ['a;b'] }).success).toBe(false);
  });
});

describe('checkBrandVoice', () => {
  const guidelines: BrandVoiceGuidelines = {
    bannedPhrases: ['unfortunately', 'per our policy', 'ASAP'],
    requiredSignOff: '^Ana',
    slangAndIdioms: { en: ['piece of cake', 'touch base'], pt: ['tá'], 'pt-BR': ['beleza'], ja: ['マジ'] },
  };
  const slices = (draft: string, language: string | null) => checkBrandVoice(draft, language, guidelines).map((f) => [f.kind, draft.slice(f.start, f.end)]);

  it('finds banned phrases case-insensitively, as whole words, with flexible spaces', () => {
    const draft = 'Unfortunately, PER  OUR\npolicy we cannot; asapX is fine, asap is not. ^Ana';
    expect(slices(draft, 'en')).toEqual([
      ['banned', 'Unfortunately'],
      ['banned', 'PER  OUR\npolicy'],
      ['banned', 'asap'],
    ]);
  });

  it('finds slang for the language and its base language only', () => {
    expect(slices('Beleza, tá tudo certo! ^Ana', 'pt-BR')).toEqual([
      ['slang', 'Beleza'],
      ['slang', 'tá'],
    ]);
    expect(slices('Beleza, tá tudo certo! ^Ana', 'pt-PT')).toEqual([['slang', 'tá']]);
    expect(slices('It is a piece of cake. ^Ana', 'de')).toEqual([]);
    expect(slices('Let us touch base. ^Ana', 'en-US')).toEqual([['slang', 'touch base']]);
    // NFD draft still matches an NFC phrase
    expect(slices('ta\u0301 bom ^Ana', 'pt')).toEqual([['slang', 'ta\u0301']]);
  });

  it('takes phrases with regex characters literally', () => {
    const g: BrandVoiceGuidelines = { bannedPhrases: ['e-mail us', 'A/B (test)', '$$$', '?'], requiredSignOff: null, slangAndIdioms: {} };
    const draft = 'Please E-mail us about the a/b (test)? $$$';
    expect(checkBrandVoice(draft, 'en', g).map((f) => draft.slice(f.start, f.end))).toEqual(['E-mail us', 'a/b (test)', '?', '$$$']);
  });

  it('matches inside words for scripts without spaces', () => {
    expect(slices('それはマジですか ^Ana', 'ja')).toEqual([['slang', 'マジ']]);
  });

  it('flags a missing sign-off on the last line', () => {
    const draft = 'Hi there,\nthanks for waiting.  \n';
    const f = checkBrandVoice(draft, 'en', guidelines);
    expect(f).toEqual([{ kind: 'missing-sign-off', start: 10, end: 29, phrase: '^Ana' }]);
    expect(checkBrandVoice('Thanks!\n^ana.', 'en', guidelines)).toEqual([]);
    expect(checkBrandVoice('^Ana wrote this', 'en', guidelines).map((x) => x.kind)).toEqual(['missing-sign-off']);
    expect(checkBrandVoice('', 'en', guidelines)).toEqual([]);
  });

  it('returns ranges on RTL text', () => {
    const g: BrandVoiceGuidelines = { bannedPhrases: ['للأسف'], requiredSignOff: null, slangAndIdioms: {} };
    const draft = 'مرحبا، للأسف لا يمكننا';
    const [f] = checkBrandVoice(draft, 'ar', g);
    expect(draft.slice(f!.start, f!.end)).toBe('للأسف');
  });
});

describe('import/export round trips (property)', () => {
  const text = (min: number) => fc.string({ unit: 'grapheme', minLength: min, maxLength: 40 });
  const variantArb = fc.record({
    language: fc.constantFrom(null, 'en', 'pt-BR', 'ar', 'ja', 'lv'),
    platform: fc.constantFrom(null, 'x', 'bluesky', 'mastodon', 'facebook', 'instagram', 'email' as const),
    body: text(1),
  });
  const responseArb = fc.record({
    id: fc.uuid(),
    title: text(1).filter((t) => t.trim().length > 0 && t.trim().length <= 200).map((t) => t.trim()),
    folder: text(0).filter((f) => !/[\r\n]/.test(f)),
    tags: fc.uniqueArray(text(1).map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 50 && !/[;\r\n]/.test(t)), { maxLength: 4 }),
    shortcut: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
    variants: fc.uniqueArray(variantArb, { minLength: 1, maxLength: 4, selector: (v) => `${v.language}|${v.platform}` }),
    createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    updatedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  });
  const libraryArb = fc.uniqueArray(responseArb, { maxLength: 5, selector: (r) => r.shortcut.toLowerCase() });

  it('CSV and JSON give back exactly what was exported', () => {
    fc.assert(
      fc.property(libraryArb, (library) => {
        expect(importCsv(exportCsv(library))).toEqual({ ok: true, responses: library });
        expect(importJson(exportJson(library, T0))).toEqual({ ok: true, responses: library });
      }),
      { numRuns: 300 },
    );
  });
});
