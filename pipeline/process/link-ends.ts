/**
 * GFM ends a link it finds in text only at whitespace or `<`, so in Chinese text, which puts no
 * space after a URL, `https://example.com/a，或見` links the mark and the words after it too.
 * A scraped page's URL or address ends where CJK text or full-width punctuation begins (the
 * punctuation rule protects it the same way), and what is cut off goes back into the text,
 * with the ASCII marks GFM would have left out at the end of a link.
 */
import type { Link, Parent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;
const TRAILING = /[.,:;!?'"*_~]+$/;

export function endLinksAtChineseText(tree: Root): void {
  visit(tree, 'link', (node: Link, index, parent: Parent | undefined) => {
    const child = node.children[0];
    if (!parent || index === undefined || node.children.length !== 1 || child?.type !== 'text') return;
    const cut = child.value.search(CJK);
    if (cut <= 0) return;
    const kept = child.value.slice(0, cut).replace(TRAILING, '');
    const rest = child.value.slice(kept.length);
    if (kept === '' || !node.url.endsWith(rest)) return;
    child.value = kept;
    node.url = node.url.slice(0, node.url.length - rest.length);
    const next = parent.children[index + 1] as RootContent | undefined;
    if (next?.type === 'text') next.value = rest + next.value;
    else parent.children.splice(index + 1, 0, { type: 'text', value: rest } satisfies Text);
  });
}
