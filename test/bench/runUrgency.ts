// `npm run bench:urgency [-- --json]` (tsx with tsconfig.node.json, for @shared/*)
import { mainUrgency } from './urgency';

mainUrgency(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
