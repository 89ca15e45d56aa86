// The renderer's CSP has no 'unsafe-eval'. zod 4 probes `new Function` on its first object
// parse to decide whether to compile parsers; the blocked probe is reported as a CSP violation,
// which would hide a real one. Its interpreted mode avoids the probe.
import { z } from 'zod';

z.config({ jitless: true });
