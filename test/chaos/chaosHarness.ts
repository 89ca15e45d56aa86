// The chaos harness: a platform fake that outlives the desk, and a desk process killed with
// SIGKILL at random points of outbox delivery and started again until every reply is out.
// Then it counts, from both databases, what was lost, sent twice or sent out of order.
import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { seededRandom, type Random } from '../../src/main/core/connectors/simulator/random';
import { chaosPlan, type DeskEvent, type DeskOptions, type PlatformEvent, type PlatformOptions } from './chaosPlan';

const root = resolve(import.meta.dirname, '../..');

/** Where a kill is aimed. */
export type KillPoint =
  /** a random time after the desk was told to start: opening the file, migrations, the check, seeding, recovery */
  | 'startup'
  /** the platform has the whole request, has not committed it */
  | 'received'
  /** the platform committed the post and holds its answer: the desk has not recorded it */
  | 'committed'
  /** a random time while replies are queued and delivered */
  | 'random';

export interface ChaosRun {
  replies: number;
  conversations: number;
  kills: number;
  /** Off: the platform posts every request, even a repeated key. */
  idempotency: boolean;
  seed: number;
}

export interface ChaosFigures {
  seed: number;
  replies: number;
  kills: number;
  killsAt: Record<KillPoint, number>;
  /** Kills aimed at 'committed' whose entry was still in flight on the next start. */
  killsBetweenCommitAndRecord: number;
  restarts: number;
  integrityChecks: number;
  /** Kills that came before the desk had opened and checked the file. */
  killsBeforeCheck: number;
  integrityFailures: string[];
  posts: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  outboxLeft: number;
  /** Replies not marked sent, or marked with an id that is not their post's. */
  unrecorded: number;
  /** Replies in the desk's replica that the plan does not have (queued twice, or a stray). */
  extraReplies: number;
  /** integrity_check of both files once everything is delivered. */
  finalIntegrity: { desk: string; platform: string };
  seconds: number;
}

const PLATFORM: Omit<PlatformOptions, 'storePath' | 'idempotency'> = { thinkMs: 10, holdMs: 25 };
const STARTUP_KILL_WINDOW_MS = 150;
const RANDOM_KILL_WINDOW_MS = 2 * PLATFORM.holdMs;
/** A kill aimed at the platform's next event comes anyway (counted as random) if none comes by then. */
const AIMED_KILL_TIMEOUT_MS = 2_000;
const FINAL_DELIVERY_TIMEOUT_MS = 60_000;
/** Desks loaded ahead, waiting for their turn. */
const WARM_DESKS = 2;

let bundleDir: string | null = null;
let bundled: Promise<{ desk: string; platform: string }> | null = null;

/** Bundles the two process entries once per test process (path aliases resolved, better-sqlite3 left to node). */
function bundleEntries(): Promise<{ desk: string; platform: string }> {
  bundleDir ??= mkdtempSync(join(tmpdir(), 'shiftdesk-chaos-bundle-'));
  bundled ??= bundleInto(bundleDir);
  return bundled;
}

/** Removes the bundles and their compile cache (after the last run). */
export function removeChaosBundle(): void {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = null;
  bundled = null;
}

async function bundleInto(outdir: string): Promise<{ desk: string; platform: string }> {
  const require = createRequire(import.meta.url);
  await build({
    entryPoints: [join(root, 'test/chaos/deskCore.ts'), join(root, 'test/chaos/platformFake.ts')],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    tsconfig: join(root, 'tsconfig.node.json'),
    logLevel: 'error',
    plugins: [
      {
        name: 'native-modules',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: require.resolve('better-sqlite3'), external: true }));
        },
      },
    ],
  });
  return { desk: join(outdir, 'deskCore.js'), platform: join(outdir, 'platformFake.js') };
}

function start(entry: string, options: unknown, compileCache: string): ChildProcess {
  return fork(entry, [], {
    env: { ...process.env, SHIFTDESK_CHAOS_OPTIONS: JSON.stringify(options), NODE_COMPILE_CACHE: compileCache },
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

interface Desk {
  process: ChildProcess;
  /** Modules loaded; waiting for 'go'. */
  loaded: Promise<void>;
  /** The process is gone (its last messages may still be on their way). */
  exited: Promise<unknown>;
  /** ... and its messages are all read. */
  closed: Promise<unknown>;
  onEvent: (event: DeskEvent) => void;
}

function spawnDesk(entry: string, options: DeskOptions, compileCache: string): Desk {
  const child = start(entry, options, compileCache);
  const desk: Desk = { process: child, loaded: Promise.resolve(), exited: once(child, 'exit'), closed: once(child, 'close'), onEvent: () => {} };
  desk.loaded = new Promise((resolve) =>
    child.on('message', (event: DeskEvent) => (event.type === 'loaded' ? resolve() : desk.onEvent(event))),
  );
  return desk;
}

async function stopDesk(desk: Desk) {
  if (desk.process.exitCode !== null || desk.process.signalCode !== null) return;
  desk.process.kill('SIGKILL');
  await desk.exited;
}

function pickKillPoint(random: Random): KillPoint {
  const r = random();
  return r < 0.1 ? 'startup' : r < 0.3 ? 'received' : r < 0.6 ? 'committed' : 'random';
}

export async function runChaos(run: ChaosRun): Promise<ChaosFigures> {
  const started = Date.now();
  const random = seededRandom(run.seed);
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-chaos-'));
  const entries = await bundleEntries();
  const storePath = join(dir, 'platform.sqlite');
  const dbPath = join(dir, 'desk.sqlite');

  const compileCache = join(dirname(entries.desk), 'compile-cache');
  const platform = start(entries.platform, { storePath, idempotency: run.idempotency, ...PLATFORM } satisfies PlatformOptions, compileCache);
  const platformListeners = new Set<(event: PlatformEvent) => void>();
  platform.on('message', (event: PlatformEvent) => platformListeners.forEach((listener) => listener(event)));
  let stoppingPlatform = false;
  const platformDied = new Promise<never>((_, reject) =>
    platform.on('close', (code) => stoppingPlatform || reject(new Error(`the platform fake died (code ${code})`))),
  );
  platformDied.catch(() => {});
  const port = await new Promise<number>((resolve) => {
    const listener = (event: PlatformEvent) => {
      if (event.type !== 'listening') return;
      platformListeners.delete(listener);
      resolve(event.port);
    };
    platformListeners.add(listener);
  });
  const deskOptions: DeskOptions = { dbPath, platformUrl: `http://127.0.0.1:${port}`, conversations: run.conversations, replies: run.replies };

  const figures: ChaosFigures = {
    seed: run.seed,
    replies: run.replies,
    kills: 0,
    killsAt: { startup: 0, received: 0, committed: 0, random: 0 },
    killsBetweenCommitAndRecord: 0,
    restarts: 0,
    integrityChecks: 0,
    killsBeforeCheck: 0,
    integrityFailures: [],
    posts: 0,
    lost: 0,
    duplicates: 0,
    outOfOrder: 0,
    outboxLeft: 0,
    unrecorded: 0,
    extraReplies: 0,
    finalIntegrity: { desk: '', platform: '' },
    seconds: 0,
  };
  /** The key whose commit triggered the last kill: still in flight at the next start? */
  let killedAfterCommitOf: string | null = null;

  // Desks are spawned while earlier ones run and wait, modules loaded, for 'go': a restart
  // then costs opening the file, not starting Node.
  const warm: Desk[] = [];
  const keepWarm = () => {
    while (warm.length < WARM_DESKS) warm.push(spawnDesk(entries.desk, deskOptions, compileCache));
  };
  keepWarm();
  try {
    // Each round starts a desk, aims a kill and waits for the process to be gone.
    // The last round kills nothing and waits for every reply to be delivered.
    for (let round = 0; ; round++) {
      const final = figures.kills >= run.kills;
      const desk = warm.shift()!;
      const diedLoading = desk.exited.then(() => Promise.reject(new Error('a desk died while loading')));
      diedLoading.catch(() => {});
      await Promise.race([desk.loaded, diedLoading, platformDied]);
      keepWarm();
      if (round > 0) figures.restarts++;
      let delivered = false;
      let markDelivered = () => {};
      const done = new Promise<void>((resolve) => (markDelivered = resolve));
      let killed = false;
      let checked = false;
      const kill = (point: KillPoint, committedKey: string | null = null) => {
        if (killed || delivered) return;
        killed = true;
        desk.process.kill('SIGKILL');
        figures.kills++;
        figures.killsAt[point]++;
        if (!checked) figures.killsBeforeCheck++;
        killedAfterCommitOf = committedKey;
      };
      const point = final ? null : pickKillPoint(random);
      const timers: NodeJS.Timeout[] = [];
      let aimed: ((event: PlatformEvent) => void) | null = null;

      const failure = new Promise<never>((_, reject) => {
        desk.onEvent = (event) => {
          if (event.type === 'error') reject(new Error(`the desk failed: ${event.message}`));
          if (event.type === 'delivered') {
            delivered = true;
            markDelivered();
          }
          if (event.type !== 'ready') return;
          checked = true;
          figures.integrityChecks++;
          if (event.integrity !== 'ok') figures.integrityFailures.push(event.integrity);
          if (killedAfterCommitOf !== null && event.inflight.includes(killedAfterCommitOf)) figures.killsBetweenCommitAndRecord++;
          killedAfterCommitOf = null;
          if (point === 'random') timers.push(setTimeout(() => kill('random'), random() * RANDOM_KILL_WINDOW_MS));
          if (point === 'received' || point === 'committed') {
            aimed = (platformEvent) => {
              if (platformEvent.type === point) kill(point, platformEvent.type === 'committed' ? platformEvent.key : null);
            };
            platformListeners.add(aimed);
            timers.push(setTimeout(() => kill('random'), AIMED_KILL_TIMEOUT_MS));
          }
        };
        if (final) timers.push(setTimeout(() => reject(new Error('the last desk did not deliver everything in time')), FINAL_DELIVERY_TIMEOUT_MS));
      });
      desk.process.send({ type: 'go' });
      if (point === 'startup') timers.push(setTimeout(() => kill('startup'), random() * STARTUP_KILL_WINDOW_MS));
      failure.catch(() => {});
      try {
        await Promise.race([desk.exited, done, failure, platformDied]);
        // Gone without being killed: its last message may still be on its way.
        if (!killed && !delivered) await Promise.race([desk.closed, failure]);
      } finally {
        timers.forEach(clearTimeout);
        if (aimed) platformListeners.delete(aimed);
        await stopDesk(desk);
      }
      if (!killed && !delivered) throw new Error(`the desk exited by itself (code ${desk.process.exitCode}, signal ${desk.process.signalCode})`);
      if (delivered) {
        if (!final) throw new Error(`every reply was delivered after ${figures.kills} kills: plan more replies`);
        break;
      }
    }
  } finally {
    await Promise.all(warm.map(stopDesk));
    stoppingPlatform = true;
    platform.send({ type: 'stop' });
    await once(platform, 'exit');
  }

  Object.assign(figures, countOutcome(dbPath, storePath, run), { seconds: (Date.now() - started) / 1000 });
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

/** Compares what the platform has with the plan and the desk's replica. */
function countOutcome(dbPath: string, storePath: string, run: ChaosRun) {
  const plan = chaosPlan(run.conversations, run.replies);
  const store = new Database(storePath, { readonly: true });
  const posts = store
    .prepare<[], { key: string; thread: string; platformId: string }>('SELECT idempotency_key AS key, thread, platform_id AS platformId FROM posts ORDER BY seq')
    .all();
  const storeIntegrity = store.pragma('integrity_check', { simple: true }) as string;
  store.close();
  const desk = new Database(dbPath, { readonly: true });
  const outboxLeft = desk.prepare<[], number>('SELECT COUNT(*) FROM outbox').pluck().get()!;
  const replies = desk
    .prepare<[], { key: string; status: string; platformId: string | null }>(
      "SELECT client_id AS key, status, platform_id AS platformId FROM messages WHERE direction = 'out'",
    )
    .all();
  const deskIntegrity = desk.pragma('integrity_check', { simple: true }) as string;
  desk.close();

  const postsByKey = new Map<string, string[]>();
  for (const post of posts) postsByKey.set(post.key, [...(postsByKey.get(post.key) ?? []), post.platformId]);
  // Each thread's first posts, in the platform's order, against the plan's order for that thread.
  let outOfOrder = 0;
  for (const thread of new Set(plan.map((reply) => reply.thread))) {
    const planned = plan.filter((reply) => reply.thread === thread).map((reply) => reply.key);
    const seen = [...new Set(posts.filter((post) => post.thread === thread).map((post) => post.key))];
    outOfOrder += seen.filter((key, i) => key !== planned[i]).length;
  }
  const byKey = new Map(replies.map((reply) => [reply.key, reply]));
  const plannedKeys = new Set(plan.map((reply) => reply.key));
  const unrecorded = plan.filter((reply) => {
    const local = byKey.get(reply.key);
    const platformIds = postsByKey.get(reply.key) ?? [];
    if (!local || local.status !== 'sent' || local.platformId === null) return true;
    // With idempotency the first post is the only one; without, the desk keeps the last answer.
    return run.idempotency ? local.platformId !== platformIds[0] : !platformIds.includes(local.platformId);
  }).length;

  return {
    posts: posts.length,
    lost: plan.filter((reply) => !postsByKey.has(reply.key)).length,
    duplicates: posts.length - postsByKey.size,
    outOfOrder,
    outboxLeft,
    unrecorded,
    extraReplies: replies.length - byKey.size + replies.filter((reply) => !plannedKeys.has(reply.key)).length,
    finalIntegrity: { desk: deskIntegrity, platform: storeIntegrity },
  };
}
