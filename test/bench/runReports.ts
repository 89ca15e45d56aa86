// `npm run bench:reports [-- --messages 500000,1000000]`: reports at one or more replica sizes
// (default 1,000,000 messages), to show how the dashboard scales with a year of history.
import { benchReports } from './reports';

function sizesFrom(argv: string[]): number[] {
  const i = argv.indexOf('--messages');
  if (i === -1) return [1_000_000];
  const sizes = (argv[i + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--messages takes sizes like 500000,1000000');
  return sizes;
}

try {
  for (const messages of sizesFrom(process.argv.slice(2))) {
    console.log(`\nReports at ${messages.toLocaleString('en-US')} messages`);
    benchReports(messages, (line) => console.log(line));
  }
} catch (error) {
  console.error(error);
  process.exit(1);
}
