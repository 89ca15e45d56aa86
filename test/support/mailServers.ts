// Real mail servers for tests: Dovecot (IMAP, LMTP) and Postfix (SMTP) from Debian's packages,
// configured in a temporary folder on 127.0.0.1. Postfix delivers the test domain to Dovecot
// over LMTP and refuses everything else (default_transport = error): nothing leaves the machine.
// Needs root and the packages dovecot-imapd, dovecot-lmtpd and postfix (installed by .ci/run).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAIL_DOMAIN = 'desk.test';

export interface MailServers {
  dir: string;
  imapPort: number;
  smtpPort: number;
  /** Adds a mailbox user (address@desk.test) with a password. */
  addUser(address: string, password: string): void;
  stop(): void;
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

const has = (path: string) => existsSync(path);

/** Why mail servers cannot run here, or null when they can. */
export function mailServersUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'Dovecot and Postfix test instances need root';
  if (!has('/usr/sbin/dovecot')) return 'Dovecot is not installed (apt-get install dovecot-imapd dovecot-lmtpd)';
  if (!has('/usr/sbin/postfix')) return 'Postfix is not installed (apt-get install postfix)';
  return null;
}

const idOf = (flag: '-u' | '-g', user: string) => Number(execFileSync('id', [flag, user]).toString().trim());

async function waitForPort(port: number, what: string, log: () => string): Promise<void> {
  const end = Date.now() + 15_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`${what} did not start on port ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startMailServers(): Promise<MailServers> {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-mail-'));
  const [imapPort, lmtpPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  for (const sub of ['run', 'state', 'mail', 'postfix', 'spool', 'data']) mkdirSync(join(dir, sub));
  const users = join(dir, 'users');
  writeFileSync(users, '');
  // The daemons' own users must reach their folders.
  chmodSync(dir, 0o755);
  chownSync(join(dir, 'mail'), idOf('-u', 'dovecot'), idOf('-g', 'dovecot'));
  chownSync(join(dir, 'data'), idOf('-u', 'postfix'), idOf('-g', 'postfix'));

  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap lmtp
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 100
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${users}
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
  unix_listener lmtp {
    mode = 0600
  }
}
`,
  );
  writeFileSync(
    join(dir, 'postfix', 'main.cf'),
    `compatibility_level = 3.6
queue_directory = ${dir}/spool
data_directory = ${dir}/data
mail_owner = postfix
myhostname = mail.${MAIL_DOMAIN}
mydomain = ${MAIL_DOMAIN}
myorigin = ${MAIL_DOMAIN}
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost =
relay_domains = ${MAIL_DOMAIN}
transport_maps = inline:{ ${MAIL_DOMAIN}=lmtp:inet:127.0.0.1:${lmtpPort} }
default_transport = error:mail to other domains is refused in tests
alias_maps =
alias_database =
local_recipient_maps =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
maillog_file_prefixes = ${dir}
maillog_file = ${dir}/postfix.log
smtputf8_enable = no
queue_run_delay = 1s
minimal_backoff_time = 1s
`,
  );
  // The packaged master.cf with our SMTP port and no chroot (the queue is not under /var/spool).
  const master = readFileSync('/etc/postfix/master.cf', 'utf8')
    .split('\n')
    .map((line) => {
      if (/^smtp\s+inet\s/.test(line)) return line.replace(/^smtp(\s+inet\s+\S+\s+\S+\s+)\S+/, `127.0.0.1:${smtpPort}$1n`);
      if (/^\S+\s+(unix|unix-dgram|fifo|pass|inet)\s+\S+\s+\S+\s+y\s/.test(line)) return line.replace(/^(\S+\s+\S+\s+\S+\s+\S+\s+)y/, '$1n');
      return line;
    })
    .join('\n');
  writeFileSync(join(dir, 'postfix', 'master.cf'), master);
  copyFileSync('/etc/postfix/dynamicmaps.cf', join(dir, 'postfix', 'dynamicmaps.cf'));

  const log = () => ['dovecot.log', 'postfix.log'].map((f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8').slice(-2000) : '')).join('\n');
  // The daemons outlive these commands: give them no pipes to hold open. They log to files.
  const dovecot = spawnSync('/usr/sbin/dovecot', ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  if (dovecot.status !== 0) throw new Error(`dovecot did not start:\n${log()}`);
  const postfix = spawnSync('/usr/sbin/postfix', ['-c', join(dir, 'postfix'), 'start'], { stdio: 'ignore' });
  if (postfix.status !== 0) throw new Error(`postfix did not start:\n${log()}`);
  await waitForPort(imapPort, 'Dovecot', log);
  await waitForPort(smtpPort, 'Postfix', log);

  return {
    dir,
    imapPort,
    smtpPort,
    addUser(address, password) {
      writeFileSync(users, `${readFileSync(users, 'utf8')}${address}:{PLAIN}${password}\n`);
    },
    stop() {
      spawnSync('/usr/sbin/postfix', ['-c', join(dir, 'postfix'), 'stop'], { stdio: 'ignore' });
      spawnSync('/usr/bin/doveadm', ['-c', join(dir, 'dovecot.conf'), 'stop'], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
