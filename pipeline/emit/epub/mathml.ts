/**
 * MathML through the e-book library: it drops every attribute it does not know
 * (xmlns, display, mathvariant, encoding), which would leave `<math>` outside
 * the MathML namespace. Each formula goes through as a comment and is put back,
 * serialized by galley, in the library's output.
 */
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

export interface StashedMath {
  /** Comment marker → the formula as XML. */
  formulas: Map<string, string>;
}

/** Replaces each `<math>` in `nodes` with a marker comment; returns what the markers stand for. */
export function stashMath(nodes: RootContent[], stash: StashedMath): void {
  visit({ type: 'root', children: nodes } as Root, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'math' || !parent || index === undefined) return;
    const marker = `galley-math-${stash.formulas.size + 1}`;
    stash.formulas.set(marker, toHtml(node, { closeEmptyElements: true }));
    parent.children[index] = { type: 'comment', value: marker };
    return 'skip';
  });
}

/** The library's XHTML with each marker replaced by its formula. */
export function restoreMath(xhtml: string, stash: StashedMath): string {
  return xhtml.replace(/<!--(galley-math-\d+)-->/g, (marker, key: string) => stash.formulas.get(key) ?? marker);
}
