// Preloaded with --import by the load tests: records in GALLEY_TRACE_LOADS every
// ES module Node resolves and, at exit, every CommonJS module it loaded.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.GALLEY_TRACE_LOADS;
register(new URL('./hooks.mjs', import.meta.url), { data: { log } });
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(log, Object.keys(cache).map((path) => `${pathToFileURL(path).href}\n`).join('')));
