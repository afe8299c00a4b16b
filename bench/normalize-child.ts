/** Bundled and run by benchNormalize (normalize.ts): prints the figures as JSON. */
import { measureNormalize } from './normalize.ts';

console.log(JSON.stringify(await measureNormalize(process.argv[2]!)));
