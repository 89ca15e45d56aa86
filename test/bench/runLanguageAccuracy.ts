// `npm run lang-accuracy [-- --json]` (tsx with tsconfig.node.json): eld, franc and our detector on
// the short-post samples of test/fixtures/language-samples; prints the table (or, with --json,
// one JSON object).
import { formatReport, measureLanguageAccuracy } from './languageAccuracy';

measureLanguageAccuracy().then(
  (report) => {
    console.log(process.argv.includes('--json') ? JSON.stringify(report) : formatReport(report));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
