/** citation-js ships no types; galley uses Cite and the CSL plugin's configuration. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: { id: string }[];
  }
  export const plugins: { config: { get(name: string): unknown } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
