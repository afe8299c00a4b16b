/**
 * With `figures: captions`, an image alone in its paragraph becomes a figure
 * captioned by its title (`![alt](src "title")`), else by its alt text; with
 * `figures: numbered` the caption opens with a number ("Figure 2", "圖 2").
 * A book numbers again by chapter (book/bind.ts) through the label's class.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Settings } from '../config/index.ts';

export function figures(options: { mode: Settings['figures']; label: string }) {
  return (tree: Root) => {
    if (options.mode === 'plain') return;
    let count = 0;
    visit(tree, 'element', (node: Element) => {
      const image = node.tagName === 'p' ? soleImage(node.children) : undefined;
      if (!image) return;
      const text = String(image.properties.title ?? image.properties.alt ?? '').trim();
      const caption: ElementContent[] = [];
      if (options.mode === 'numbered') {
        caption.push({ type: 'element', tagName: 'span', properties: { className: ['figure-label'] }, children: [{ type: 'text', value: `${options.label} ${++count}` }] });
        if (text) caption.push({ type: 'text', value: ' ' });
      }
      if (text) caption.push({ type: 'text', value: text });
      node.tagName = 'figure';
      node.children = caption.length ? [image, { type: 'element', tagName: 'figcaption', properties: {}, children: caption }] : [image];
    });
  };
}

function soleImage(children: ElementContent[]): Element | undefined {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  return content.length === 1 && only!.type === 'element' && only.tagName === 'img' ? only : undefined;
}
