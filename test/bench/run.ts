// `npm run bench [-- --json] [-- --quick] [-- --keep]` (tsx with tsconfig.node.json, for @shared/*)
import { main } from './bench';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
