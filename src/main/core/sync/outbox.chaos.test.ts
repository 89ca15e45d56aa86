// Crash safety of outbox delivery (issue #7): the desk is killed with SIGKILL at 200 random
// points while it delivers 600 replies to a platform fake that commits before it answers.
// The harness, the fake and the desk process live in test/chaos/.
import { afterAll, describe, expect, it } from 'vitest';
import { removeChaosBundle, runChaos, type ChaosFigures } from '../../../../test/chaos/chaosHarness';

const seed = Number(process.env.SHIFTDESK_CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));

function report(title: string, f: ChaosFigures) {
  console.log(
    `${title} (seed ${f.seed}, ${f.seconds.toFixed(1)} s): ${f.kills} SIGKILLs (startup ${f.killsAt.startup}, request received ${f.killsAt.received}, ` +
      `committed before the answer ${f.killsAt.committed}, random ${f.killsAt.random}; ${f.killsBetweenCommitAndRecord} between the platform's commit and the desk's record), ` +
      `${f.restarts} restarts, integrity_check ok ${f.integrityChecks - f.integrityFailures.length}/${f.integrityChecks} (${f.killsBeforeCheck} desks killed before theirs); ` +
      `${f.replies} replies → ${f.posts} posts, ${f.lost} lost, ${f.duplicates} duplicates, ${f.outOfOrder} out of order, ` +
      `${f.outboxLeft} outbox entries left, ${f.unrecorded} not marked sent with their post's id`,
  );
}

describe('outbox delivery under SIGKILL', () => {
  afterAll(removeChaosBundle);

  it('200 SIGKILLs while delivering 600 replies in 8 conversations: 0 lost, 0 duplicates, in order, every integrity_check ok', async () => {
    const f = await runChaos({ replies: 600, conversations: 8, kills: 200, idempotency: true, seed });
    report('idempotency on', f);
    expect(f.kills).toBeGreaterThanOrEqual(200);
    expect(f.killsBetweenCommitAndRecord).toBeGreaterThan(0);
    expect(f.integrityChecks + f.killsBeforeCheck).toBe(f.restarts + 1);
    expect(f.integrityFailures).toEqual([]);
    expect(f.finalIntegrity).toEqual({ desk: 'ok', platform: 'ok' });
    expect({ lost: f.lost, duplicates: f.duplicates, outOfOrder: f.outOfOrder, outboxLeft: f.outboxLeft, unrecorded: f.unrecorded, extraReplies: f.extraReplies }).toEqual({
      lost: 0,
      duplicates: 0,
      outOfOrder: 0,
      outboxLeft: 0,
      unrecorded: 0,
      extraReplies: 0,
    });
    expect(f.posts).toBe(600);
  }, 300_000);

  it('the same harness, 20 SIGKILLs and 100 replies, with the platform ignoring idempotency keys: duplicates > 0 (so the test above can fail)', async () => {
    const f = await runChaos({ replies: 100, conversations: 4, kills: 20, idempotency: false, seed });
    report('idempotency off', f);
    expect(f.kills).toBeGreaterThanOrEqual(20);
    expect(f.duplicates).toBeGreaterThan(0);
    expect(f.lost).toBe(0);
  }, 120_000);
});
