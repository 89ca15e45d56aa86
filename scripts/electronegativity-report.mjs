// Reads Electronegativity's CSV report and holds it against the reviewed suppression file
// (.electronegativity-suppressions.json). Pure, so test/unit/electronegativityReport.test.ts
// checks it; scripts/electronegativity.mjs runs the tool and prints what this decides.

export const CSV_HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

/** RFC 4180 fields: quoted ("" inside quotes is a quote) or bare; rows end at CRLF or LF. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
    i++;
  }
  if (quoted) throw new Error('the report ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The findings of a report, with file names as in the repository (`prefix` + the tool's relative
 * name; global findings have no file: null). Throws on anything that is not the tool's format, so
 * a truncated or garbled report can never pass as "no findings".
 */
export function readFindings(text, prefix = '') {
  const rows = parseCsv(text);
  if (rows.length === 0) throw new Error('the report is empty (not even a header)');
  const header = rows[0].map((name) => name.trim());
  if (header.join(',') !== CSV_HEADER.join(',')) throw new Error(`unexpected report header: ${rows[0].join(',')}`);
  return rows.slice(1).map((row, index) => {
    if (row.length !== CSV_HEADER.length) throw new Error(`report row ${index + 2} has ${row.length} fields, not ${CSV_HEADER.length}`);
    const [check, severity, confidence, filename, location, sample, description] = row;
    if (!/^[A-Z0-9_]+$/.test(check)) throw new Error(`report row ${index + 2}: unexpected check id ${JSON.stringify(check)}`);
    if (!SEVERITIES.includes(severity)) throw new Error(`report row ${index + 2}: unknown severity ${JSON.stringify(severity)}`);
    return {
      check,
      severity,
      confidence,
      file: filename === 'N/A' ? null : prefix + filename,
      location,
      sample: sample === 'N/A' ? null : sample,
      description,
    };
  });
}

/** Checks the suppression file's shape; returns its entries or throws with what is wrong. */
export function readSuppressions(json) {
  const problems = [];
  const entries = Array.isArray(json?.suppressions) ? json.suppressions : (problems.push('"suppressions" must be a list'), []);
  const excluded = Array.isArray(json?.excludedChecks) ? json.excludedChecks : (problems.push('"excludedChecks" must be a list'), []);
  entries.forEach((entry, i) => {
    if (typeof entry?.check !== 'string' || !/^[A-Z0-9_]+$/.test(entry.check)) problems.push(`suppressions[${i}]: "check" must be a check id`);
    if (entry?.file !== null && typeof entry?.file !== 'string') problems.push(`suppressions[${i}]: "file" must be a path or null (global findings)`);
    if (typeof entry?.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`suppressions[${i}]: "reason" must say why (20 characters at least)`);
  });
  excluded.forEach((entry, i) => {
    if (typeof entry?.check !== 'string' || entry.check === '') problems.push(`excludedChecks[${i}]: "check" must be a check name`);
    if (typeof entry?.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`excludedChecks[${i}]: "reason" must say why (20 characters at least)`);
  });
  if (problems.length) throw new Error(`the suppression file is invalid:\n  ${problems.join('\n  ')}`);
  return { suppressions: entries, excludedChecks: excluded };
}

const matches = (entry, finding) => entry.check === finding.check && entry.file === finding.file;

/**
 * The verdict: HIGH findings (never suppressible), findings no entry covers, entries that cover
 * nothing any more (stale), and the counts.
 */
export function judgeFindings(findings, suppressions) {
  const high = findings.filter((f) => f.severity === 'HIGH');
  const unreviewed = findings.filter((f) => f.severity !== 'HIGH' && !suppressions.some((entry) => matches(entry, f)));
  const stale = suppressions.filter((entry) => !findings.some((f) => f.severity !== 'HIGH' && matches(entry, f)));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]));
  const suppressed = findings.length - high.length - unreviewed.length;
  return { ok: high.length === 0 && unreviewed.length === 0 && stale.length === 0, high, unreviewed, stale, suppressed, bySeverity, total: findings.length };
}
