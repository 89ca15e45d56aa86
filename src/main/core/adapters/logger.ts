import type { Logger } from '../ports';

/** Key-value lines on stderr. Never pass secrets in fields. */
export function createLogger(name: string, sink: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const extra = fields ? ' ' + JSON.stringify(fields) : '';
    sink(`${new Date().toISOString()} ${level} [${name}] ${message}${extra}`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
