// The whole core on a real SQLite folder with the demo workspace: ingest, reply, outage,
// recovery, breach notification, restart.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '@shared/contract';
import type { ConversationSummary, DeskNotification, SyncStatus } from '@shared/domain';
import { tempDir } from '../../../test/support/coreFixtures';
import { demoCores, until } from '../../../test/support/demoCore';

const start = demoCores({
  demo: { ratePerMinute: 0, seed: 42, breachSoonSeconds: 2 },
  demoLatencyMs: 5,
  notificationGroupWindowMs: 300,
});

describe('core with the demo workspace', () => {
  it('pulls the demo backlog into the replica, across accounts and languages', async () => {
    const core = start(tempDir());
    const h = core.handlers;
    const queues = await until(() => h.listQueues({}), (q) => q.find((x) => x.id === 'all')!.open >= 25);
    expect(queues.filter((q) => q.accountId !== null).length).toBe(6);
    const list = await h.listConversations({ queue: 'all', limit: 200 });
    expect(new Set(list.map((c) => c.platform)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(list.map((c) => c.language)).size).toBeGreaterThanOrEqual(3);
    const detail = await h.getConversation({ id: list[0]!.id });
    expect(detail.messages.length).toBeGreaterThan(0);
    expect(detail.customer.displayName).toBeTruthy();
  });

  // Seeds whose random draws alone gave fewer than two urgent conversations.
  it.each([105, 113, 149, 174])('seed %i: the first backlog has urgent work in it', async (seed) => {
    const core = start(tempDir(), { demo: { ratePerMinute: 0, seed, breachSoonSeconds: 2 } });
    await until(() => core.handlers.listQueues({}), (q) => q.find((x) => x.id === 'urgent')!.open >= 2);
  });

  it('queues replies during an outage, reports it, and delivers each once, in order, when the platform is back', async () => {
    const core = start(tempDir());
    const h = core.handlers;
    const statuses: SyncStatus[] = [];
    core.events.on('syncStatus', (s) => statuses.push(s));
    const list = await until(() => h.listConversations({ queue: 'account:demo-x', limit: 50 }), (l) => l.length > 0);
    const id = list[0]!.id;
    await h.setDemoPlatformReachable({ accountId: 'demo-x', reachable: false });
    const first = await h.sendReply({ conversationId: id, body: 'First reply' });
    const second = await h.sendReply({ conversationId: id, body: 'Second reply' });
    await until(() => h.getSyncStatus({}), (s) => s.accounts.find((a) => a.accountId === 'demo-x')!.health === 'offline');
    const offline = await h.getSyncStatus({});
    expect(offline.queuedReplies).toBe(2);
    expect(offline.accounts.find((a) => a.accountId === 'demo-x')!.reason).toMatch(/Cannot reach X/);
    expect(offline.accounts.find((a) => a.accountId === 'demo-email')!.health).toBe('online');
    expect(offline.accounts.filter((a) => a.simulatedOutage).map((a) => a.accountId)).toEqual(['demo-x']);
    await h.saveDraft({ conversationId: id, body: 'a draft written offline' });
    expect(core.demoPlatform!.posts('demo-x')).toHaveLength(0);

    await h.setDemoPlatformReachable({ accountId: 'demo-x', reachable: true });
    const detail = await until(() => h.getConversation({ id }), (d) => d.messages.filter((m) => m.status === 'sent').length === 2);
    expect(detail.messages.filter((m) => m.direction === 'out').map((m) => m.id)).toEqual([first.id, second.id]);
    expect(core.demoPlatform!.posts('demo-x').map((p) => p.body)).toEqual(['First reply', 'Second reply']);
    expect(detail.draft?.body).toBe('a draft written offline');
    expect(statuses.some((s) => s.accounts.some((a) => a.health === 'offline'))).toBe(true);
    expect((await h.getSyncStatus({})).queuedReplies).toBe(0);
  });

  it('notifies when a first-response deadline passes, once', async () => {
    const core = start(tempDir());
    const seen: DeskNotification[] = [];
    core.events.on('notification', (n) => seen.push(n));
    const started = Date.now();
    // The conversation due 2 s after the first start; anything breached earlier was reported at start.
    const breach = await until(() => seen.find((n) => n.kind === 'breach' && n.createdAt >= started + 1500), (n) => n !== undefined, 10_000);
    expect(breach!.title).toMatch(/^SLA breached: /);
    expect(breach!.deliveredNatively).toBe(false);
    const conversation = await core.handlers.getConversation({ id: breach!.conversationId! });
    expect(conversation.conversation.dueAt).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((n) => n.kind === 'breach' && n.conversationId === breach!.conversationId)).toHaveLength(1);
  });

  it('routes by shifts: an agent with shifts but none now does not hear about unassigned breaches', async () => {
    const core = start(tempDir());
    const h = core.handlers;
    const { self } = await h.getWorkspace({});
    const now = Date.now();
    const week = await h.getSchedule({ from: now - 86_400_000, to: now + 8 * 86_400_000 });
    for (const shift of week.shifts.filter((s) => s.agentId === self.id)) await h.removeShift({ id: shift.id });
    const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
    await h.saveShift({ id: randomUUID(), agentId: self.id, timeZone: 'UTC', startDate: tomorrow, start: '00:00', durationMinutes: 60, rrule: null, exceptions: [], region: null, note: null, version: 0, updatedAt: 0 });
    const seen: DeskNotification[] = [];
    core.events.on('notification', (n) => seen.push(n));
    const breach = await until(() => seen.find((n) => n.kind === 'breach' && n.createdAt >= now + 1500), (n) => n !== undefined, 10_000);
    expect(breach!.suppressed).toBe('off-shift');
    expect((await h.getOnShift({})).next.map((n) => n.agentId)).toContain(self.id);
  });

  it('keeps drafts and the replica across a restart, and refuses a second engine on the same folder', async () => {
    const dir = tempDir();
    const first = start(dir);
    const list = await until(() => first.handlers.listConversations({ queue: 'all', limit: 10 }), (l) => l.length > 0);
    await first.handlers.saveDraft({ conversationId: list[0]!.id, body: 'Half-written answer' });
    expect(() => start(dir)).toThrowError(expect.objectContaining({ name: 'DataDirInUse' }));
    await first.stop();
    const second = start(dir);
    const detail = await second.handlers.getConversation({ id: list[0]!.id });
    expect(detail.draft?.body).toBe('Half-written answer');
    expect((await second.handlers.listConversations({ queue: 'all', limit: 200 })).length).toBeGreaterThanOrEqual(list.length);
  });

  it('listens for the brand named without its handle, and a taken hit gets a deadline from then on', async () => {
    const core = start(tempDir());
    const h = core.handlers;
    expect((await h.listListeningStreams({})).map((s) => s.name).sort()).toEqual(['Brand named without the handle', 'Purchase intent']);
    const hits = await until(() => h.listConversations({ queue: 'listening', limit: 50 }), (l) => l.length >= 3);
    expect(hits.every((c) => c.status === 'listening' && c.dueAt === Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(hits.every((c) => c.preview.includes('#AuroraAir'))).toBe(true);
    expect(new Set(hits.map((c) => c.intent)).has('support')).toBe(true);
    const before = Date.now();
    const taken = await h.takeFromListening({ id: hits[0]!.id });
    expect(taken.status).toBe('open');
    expect(taken.dueAt).toBeGreaterThanOrEqual(before + 60 * 60_000);
    await expect(dispatch(h, 'takeFromListening', { id: hits[0]!.id })).rejects.toMatchObject({ name: 'Conflict' });
    await expect(dispatch(h, 'addListeningStream', { accountId: 'demo-email', name: 'x', query: 'y', intent: 'support' })).rejects.toMatchObject({ name: 'NotAvailable' });
    const added = await h.addListeningStream({ accountId: 'demo-x', name: 'Miles', query: 'miles', intent: 'support' });
    await h.removeListeningStream({ id: added.id });
    expect((await h.listListeningStreams({})).some((s) => s.id === added.id)).toBe(false);
  });

  it('resolving ends the wait: a later message starts a fresh deadline', async () => {
    const core = start(tempDir());
    const h = core.handlers;
    const list = await until(() => h.listConversations({ queue: 'all', limit: 10 }), (l) => l.length > 0);
    const id = list[0]!.id;
    await h.resolveConversation({ id });
    expect(core.repos.conversations.state(id)!.awaitingSince).toBeNull();
    await h.reopenConversation({ id });
    expect((await h.getConversation({ id })).conversation.dueAt).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('moves a conversation to e-mail: a new thread from the e-mail account, a public note, the original resolved', async () => {
    const core = start(tempDir());
    const h = core.handlers;
    const list = await until(() => h.listConversations({ queue: 'account:demo-x', limit: 10 }), (l) => l.length > 0);
    const source = list[0]!;
    const clientId = randomUUID();
    const input = {
      id: source.id,
      accountId: 'demo-email',
      address: 'Kim.Traveller@Example.com',
      subject: 'Your booking with Aurora Air',
      body: 'Hello, could you send us your booking reference?',
      notice: 'We have sent you an e-mail to look into this.',
      clientId,
    };
    const moved = (await dispatch(h, 'moveToEmail', input)) as ConversationSummary;
    expect(moved).toMatchObject({ accountId: 'demo-email', platform: 'email', kind: 'email', status: 'open', customerHandle: 'kim.traveller@example.com' });
    // Asked again (a lost answer, a double click): the same conversation, nothing sent twice.
    expect(await dispatch(h, 'moveToEmail', input)).toMatchObject({ id: moved.id });

    const email = await h.getConversation({ id: moved.id });
    expect(email.conversation).toMatchObject({ subject: 'Your booking with Aurora Air', movedFromId: source.id, movedToId: null });
    expect(email.customer.displayName).toBe(source.customerName);
    const original = await h.getConversation({ id: source.id });
    expect(original.conversation).toMatchObject({ status: 'resolved', movedToId: moved.id });
    expect(original.messages.at(-1)).toMatchObject({ direction: 'out', body: input.notice });

    await until(() => core.demoPlatform!.posts('demo-email'), (p) => p.length === 1);
    await until(() => core.demoPlatform!.posts('demo-x'), (p) => p.length === 1);
    expect(core.demoPlatform!.posts('demo-email')[0]!.body).toBe(input.body);
    expect(core.demoPlatform!.posts('demo-x')[0]!.body).toBe(input.notice);

    // Refused with a reason, and nothing changes.
    const other = (await h.listConversations({ queue: 'account:demo-x', limit: 10 }))[0]!;
    await expect(dispatch(h, 'moveToEmail', { ...input, id: other.id, clientId: randomUUID(), accountId: 'demo-x' })).rejects.toMatchObject({
      name: 'InvalidInput',
      message: "Choose one of the desk's e-mail accounts to send from",
    });
    await expect(dispatch(h, 'moveToEmail', { ...input, id: moved.id, clientId: randomUUID() })).rejects.toMatchObject({ name: 'Conflict' });
    await expect(dispatch(h, 'moveToEmail', { ...input, id: other.id, clientId: randomUUID(), address: 'not an address' })).rejects.toMatchObject({
      name: 'InvalidInput',
    });
    expect((await h.getConversation({ id: other.id })).conversation).toMatchObject({ status: 'open', movedToId: null });
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const core = start(tempDir());
    const call = (method: string, params: unknown) => dispatch(core.handlers, method, params);
    await expect(call('getConversation', { id: 999_999 })).rejects.toMatchObject({ name: 'NotFound' });
    await expect(call('assignConversation', { id: 999_999, agentId: null })).rejects.toMatchObject({ name: 'NotFound' });
    await expect(call('setDemoPlatformReachable', { accountId: 'nope', reachable: false })).rejects.toMatchObject({ name: 'NotFound' });
    await expect(call('sendReply', { conversationId: 1, body: '' })).rejects.toMatchObject({ name: 'InvalidInput' });
    const list = await until(() => core.handlers.listConversations({ queue: 'all', limit: 10 }), (l) => l.length > 0);
    await expect(call('assignConversation', { id: list[0]!.id, agentId: 'someone-else' })).rejects.toMatchObject({ name: 'NotFound' });
    expect((await core.handlers.getConversation({ id: list[0]!.id })).conversation.assigneeId).toBeNull();
  });
});
