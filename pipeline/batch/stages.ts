/**
 * What turns a prepared document into outputs, in one module that build loads
 * on first use: a build whose outputs are all current never pays for loading
 * the emitters. The parsers are loaded by the text threads (text-worker.ts) alone.
 */
export type { PreparedDocument } from '../process/document.ts';
export { needsBrowser, prepareOutputs, warmOutputs, writeOutputs } from './outputs.ts';
