import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // @atproto/dev-env's TestNetwork (the local Bluesky network of the connector tests) can leave a
    // PostgreSQL query in flight after close(); stopping the test's PostgreSQL then rejects it.
    // Only that is ignored: the app itself never uses pg.
    onUnhandledError: (error) => !(error.message === 'Connection terminated' && String(error.stack ?? '').includes('node_modules/pg/')),
  },
});
