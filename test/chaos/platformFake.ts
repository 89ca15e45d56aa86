// The platform fake of the chaos test, run as its own process so it outlives every desk it
// serves. It commits a post to its own SQLite file (synchronous=FULL: on disk before the
// answer) and only then answers; with idempotency on, a key it has seen returns the first
// post and posts nothing. It tells the parent when a request arrives and when it committed,
// so the parent can kill the desk at exactly those points.
import Database from 'better-sqlite3';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlatformEvent, PlatformOptions } from './chaosPlan';

const options = JSON.parse(process.env.SHIFTDESK_CHAOS_OPTIONS ?? '{}') as PlatformOptions;

const db = new Database(options.storePath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS posts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  platform_id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL,
  thread TEXT NOT NULL,
  body TEXT NOT NULL
)`);
db.exec('CREATE INDEX IF NOT EXISTS posts_key ON posts (idempotency_key)');
const byKey = db.prepare<[string], { platformId: string }>('SELECT platform_id AS platformId FROM posts WHERE idempotency_key = ? ORDER BY seq LIMIT 1');
const insert = db.prepare<{ platformId: string; key: string; thread: string; body: string }>(
  'INSERT INTO posts (platform_id, idempotency_key, thread, body) VALUES (@platformId, @key, @thread, @body)',
);
const nextSeq = db.prepare<[], { n: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM posts');

/** Check and insert in one transaction: two requests with one key cannot both post. */
const commitPost = db.transaction((key: string, thread: string, body: string): { platformId: string; isNew: boolean } => {
  const existing = options.idempotency ? byKey.get(key) : undefined;
  if (existing) return { platformId: existing.platformId, isNew: false };
  const platformId = `post-${nextSeq.get()!.n}`;
  insert.run({ platformId, key, thread, body });
  return { platformId, isNew: true };
});

const tell = (event: PlatformEvent) => process.send?.(event);

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const key = req.headers['idempotency-key'];
  if (req.method !== 'POST' || req.url !== '/posts' || typeof key !== 'string') {
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"Not found"}');
    return;
  }
  const body = (await readJson(req)) as { thread?: unknown; body?: unknown };
  if (typeof body.thread !== 'string' || typeof body.body !== 'string') {
    res.writeHead(422, { 'Content-Type': 'application/json' }).end('{"error":"thread and body are required"}');
    return;
  }
  tell({ type: 'received', key });
  // The request arrived in full: from here the post is made even if the client goes away.
  await sleep(Math.random() * options.thinkMs);
  const post = commitPost(key, body.thread, body.body);
  tell({ type: 'committed', key, isNew: post.isNew });
  await sleep(options.holdMs);
  if (res.destroyed) return;
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: post.platformId, created_at: Date.now() }));
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: String(error) }));
  });
});
server.listen(0, '127.0.0.1', () => tell({ type: 'listening', port: (server.address() as AddressInfo).port }));

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stop') return;
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeAllConnections();
});
