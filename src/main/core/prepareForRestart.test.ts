// "Restart to update" on a real SQLite folder with the demo workspace: drafts and queued replies
// survive prepareForRestart, a send caught in flight is resent once after the restart, and the
// database is closed with its WAL checkpointed.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/coreFixtures';
import { demoCores, until } from '../../../test/support/demoCore';
import { openDatabase } from './db/database';
import { createRepos } from './repos';
import { DATABASE_FILE } from './index';

const start = demoCores({ demo: { ratePerMinute: 0, seed: 7, breachSoonSeconds: 600 } });

describe('Core.prepareForRestart', () => {
  it('keeps every draft and queued reply, leaves a send in flight for one resend, and checkpoints the WAL', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    // Each platform call takes longer than stop()'s grace for sends in flight (2 s).
    const before = start(dir, { demoLatencyMs: 2_500 });
    const h = before.handlers;
    const x1 = (await until(() => h.listConversations({ queue: 'account:demo-x', limit: 50 }), (l) => l.length >= 1))[0]!.id;
    const email = (await until(() => h.listConversations({ queue: 'account:demo-email', limit: 50 }), (l) => l.length >= 1))[0]!.id;
    await h.setDemoPlatformReachable({ accountId: 'demo-email', reachable: false });
    const others = (await until(() => h.listConversations({ queue: 'all', limit: 50 }), (l) => l.length >= 4)).map((c) => c.id).filter((id) => id !== x1 && id !== email);
    const [x2, x3] = others as [number, number];
    const inFlight = await h.sendReply({ conversationId: x1, body: 'On its way when the update restarts the app' });
    const behindIt = await h.sendReply({ conversationId: x1, body: 'Queued behind the first one' });
    const offline = await h.sendReply({ conversationId: email, body: 'Queued while the mail server is down' });
    await h.saveDraft({ conversationId: x2, body: 'A draft the agent was writing' });
    await h.saveDraft({ conversationId: x3, body: 'Another draft, saved by the renderer just before the restart' });
    await until(() => before.repos.outbox.byMessage(inFlight.id)?.state, (state) => state === 'inflight');

    await before.prepareForRestart();
    const wal = join(dir, `${DATABASE_FILE}-wal`);
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);

    // Reopened as the new version would: everything the agent wrote is there.
    const repos = createRepos(openDatabase(join(dir, DATABASE_FILE)));
    try {
      expect(repos.drafts.get(x2)?.body).toBe('A draft the agent was writing');
      expect(repos.drafts.get(x3)?.body).toBe('Another draft, saved by the renderer just before the restart');
      expect(repos.outbox.byMessage(inFlight.id)?.state).toBe('inflight');
      expect(repos.outbox.byMessage(behindIt.id)?.state).toBe('pending');
      expect(repos.outbox.byMessage(offline.id)).not.toBeNull();
      expect(repos.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      repos.db.close();
    }

    // The updated app starts: the queue drains, each reply reaches the platform exactly once.
    const after = start(dir, { demoLatencyMs: 5 });
    await after.handlers.setDemoPlatformReachable({ accountId: null, reachable: true });
    const posts = await until(
      () => after.demoPlatform!.posts(),
      (all) => ['On its way', 'Queued behind', 'Queued while'].every((start) => all.some((p) => p.body.startsWith(start))),
    );
    await after.sync.stop();
    const keys = posts.map((p) => p.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    const ours = after.demoPlatform!.posts().filter((p) => /^(On its way|Queued)/.test(p.body));
    expect(ours.map((p) => p.body).sort()).toEqual(['On its way when the update restarts the app', 'Queued behind the first one', 'Queued while the mail server is down']);
    // In order within the conversation.
    const x = ours.filter((p) => p.accountId === 'demo-x').map((p) => p.body);
    expect(x).toEqual(['On its way when the update restarts the app', 'Queued behind the first one']);
    expect((await after.handlers.getConversation({ id: x2 })).draft?.body).toBe('A draft the agent was writing');
  });

  it('waits for a send that finishes within the grace: it is recorded as sent and never sent again', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const before = start(dir, { demoLatencyMs: 600 });
    const h = before.handlers;
    const x1 = (await until(() => h.listConversations({ queue: 'account:demo-x', limit: 50 }), (l) => l.length >= 1))[0]!.id;
    const reply = await h.sendReply({ conversationId: x1, body: 'Sent while the app prepares to restart' });
    await until(() => before.repos.outbox.byMessage(reply.id)?.state, (state) => state === 'inflight');
    await before.prepareForRestart();

    const repos = createRepos(openDatabase(join(dir, DATABASE_FILE)));
    try {
      expect(repos.outbox.byMessage(reply.id)).toBeNull();
      expect(repos.messages.ref(reply.id)?.status).toBe('sent');
    } finally {
      repos.db.close();
    }
    const after = start(dir, { demoLatencyMs: 5 });
    // A pull cycle and an outbox pass later, still exactly one post.
    await until(() => after.handlers.getSyncStatus({}), (s) => s.accounts.find((a) => a.accountId === 'demo-x')?.health === 'online');
    await new Promise((r) => setTimeout(r, 300));
    expect(after.demoPlatform!.posts('demo-x').filter((p) => p.body === 'Sent while the app prepares to restart')).toHaveLength(1);
  });
});
