/** The rendered tree's last check for characters XML forbids: raw HTML and character references can still bring them (see xml-chars.ts). */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { stripNonXml } from '../xml-chars.ts';

export function xmlText() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      const removed: string[] = [];
      const clean = (value: string) => {
        const result = stripNonXml(value);
        removed.push(...result.removed);
        return result.text;
      };
      if (node.type === 'text' || node.type === 'comment') node.value = clean(node.value);
      if (node.type === 'element') {
        for (const [key, value] of Object.entries(node.properties)) {
          if (typeof value === 'string') node.properties[key] = clean(value);
          else if (Array.isArray(value)) node.properties[key] = value.map((item) => (typeof item === 'string' ? clean(item) : item));
        }
      }
      if (removed.length) file.message(`removed ${[...new Set(removed)].join(', ')} from the text: not allowed in XML`, { place: node.position, ruleId: 'xml-chars', source: 'galley' });
    });
  };
}
