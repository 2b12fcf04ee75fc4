// zod 4 compiles object parsers with `new Function` (and probes for it when the first object schema is
// made), which the app's Content-Security-Policy forbids (no 'unsafe-eval'): even a caught probe is
// reported as a violation. This module only switches that off; import it first in every entry (the
// page and each worker), before any module that makes a schema, since zod decides when a schema is made.
import { config } from 'zod';

config({ jitless: true });
