// A real local AT Protocol network for tests: PLC, PDS and AppView from @atproto/dev-env, on a
// PostgreSQL and a Redis from Debian's packages started in a temporary folder (trust auth,
// fsync off, their own ports on 127.0.0.1). Needs root and the packages postgresql and
// redis-server (installed by .ci/run).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import type { TestNetwork } from '@atproto/dev-env';

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort().at(-1);
  return version ? join(root, version, 'bin') : null;
}

/** Why the network cannot run here, or null when it can. */
export function atprotoUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'the local AT Protocol network needs root (to run PostgreSQL as its own user)';
  if (!postgresBin()) return 'PostgreSQL is not installed (apt-get install postgresql)';
  if (!existsSync('/usr/bin/redis-server')) return 'Redis is not installed (apt-get install redis-server)';
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface AtprotoNetwork {
  network: TestNetwork;
  /** Creates an account on the PDS and returns its handle, DID and password. */
  account(name: string): Promise<{ handle: string; did: string; password: string }>;
  stop(): Promise<void>;
}

export async function startAtprotoNetwork(options: { rateLimits?: boolean } = {}): Promise<AtprotoNetwork> {
  const bin = postgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-atproto-'));
  chmodSync(dir, 0o755);
  const pgUid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const pgGid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(dir, pgUid, pgGid);
  const [pgPort, redisPort] = [await freePort(), await freePort()];
  const asPostgres = (args: string[]) => spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', args.map((a) => `'${a}'`).join(' ')], { stdio: 'ignore' });
  if (asPostgres([join(bin, 'initdb'), '-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']).status !== 0) {
    throw new Error('initdb failed');
  }
  const pgOptions = `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  if (asPostgres([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-o', pgOptions, '-l', join(dir, 'postgres.log'), '-w', 'start']).status !== 0) {
    throw new Error(`PostgreSQL did not start (see ${dir}/postgres.log)`);
  }
  const redis = spawnSync('/usr/bin/redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', join(dir, 'redis.pid'), '--dir', dir], { stdio: 'ignore' });
  if (redis.status !== 0) throw new Error('Redis did not start');

  const stopServers = () => {
    asPostgres([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    spawnSync('/usr/bin/redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave'], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };

  process.env.REDIS_HOST = `127.0.0.1:${redisPort}`;
  let network: TestNetwork;
  try {
    const { TestNetwork } = await import('@atproto/dev-env');
    network = await TestNetwork.create({ dbPostgresUrl: `postgresql://postgres@127.0.0.1:${pgPort}/postgres`, dbPostgresSchema: 'shiftdesk_test', pds: { rateLimitsEnabled: options.rateLimits ?? false } });
  } catch (error) {
    stopServers();
    throw error;
  }
  let accounts = 0;
  return {
    network,
    async account(name) {
      const agent = new AtpAgent({ service: network.pds.url });
      const handle = `${name}.test`;
      const password = `pw-${name}-${++accounts}`;
      const { data } = await agent.createAccount({ handle, email: `${name}@example.test`, password });
      return { handle, did: data.did, password };
    },
    async stop() {
      await network.close();
      stopServers();
    },
  };
}
