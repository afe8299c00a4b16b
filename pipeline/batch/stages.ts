/**
 * Everything that turns a source into outputs, in one module that build loads
 * on first use: a build whose outputs are all current never pays for loading
 * the parsers, the converters, pdf-lib or the e-book library.
 */
export { prepareDocument, type PreparedDocument } from '../process/document.ts';
export { needsBrowser, writeOutputs } from './outputs.ts';
