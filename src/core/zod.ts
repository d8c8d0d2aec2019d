import { z } from 'zod';

// The app runs under a CSP without 'unsafe-eval'; zod's JIT compiles parsers
// with new Function(), so it is switched off before any schema is built.
z.config({ jitless: true });

export { z };
