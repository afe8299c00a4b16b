/**
 * rehype-raw runs only on a tree that holds raw HTML; every other tree is
 * given the form its round trip through parse5 would give it (properties read
 * back from attributes, adjacent texts joined), positions included.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkGalley } from '../../pipeline/parse/index.ts';
import { rehypeRawWhereNeeded } from '../../pipeline/render/raw.ts';

async function hast(markdown: string, plugin: typeof rehypeRaw | typeof rehypeRawWhereNeeded): Promise<Root> {
  const processor = unified().use(remarkGalley, { math: true }).use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }).use(plugin);
  const file = new VFile({ path: 'doc.md', value: markdown });
  return (await processor.run(processor.parse(file) as never, file)) as Root;
}

/** The same tree both ways, positions and all. */
async function expectSame(markdown: string): Promise<Root> {
  const [parsed, settled] = [await hast(markdown, rehypeRaw), await hast(markdown, rehypeRawWhereNeeded)];
  expect(JSON.parse(JSON.stringify(settled))).toEqual(JSON.parse(JSON.stringify(parsed)));
  return settled;
}

const DOCUMENTS: Record<string, string> = {
  'task lists': '- [ ] open\n- [x] done *now*\n\n1. [ ] numbered\n',
  footnotes: 'A claim.[^1] Another.[^note]\n\n[^1]: Its source.\n[^note]: A longer note with `code` and a [link](https://example.org "t").\n',
  tables: '| left | centre | right |\n| :--- | :----: | ----: |\n| a | **b** | c |\n| d |  | f |\n',
  'lists and breaks': '3. three\n4. four  \n   broken line\n\n* loose\n\n* list\n\n> quoted\\\n> text\n',
  'code, images and links': '```js\nconst a = 1;\n```\n\n![alt *text*](pic.png "Title") <https://example.org> www.example.com x@example.org\n\n---\n\n~~gone~~ $x^2$\n\n$$\ny = 1\n$$\n',
  headings: '# Title\n\nSetext\n======\n\n## 第一章 “引号”\n\nText &amp; entities &copy; &#x4e2d;\n',
};

describe('rehype-raw where needed', () => {
  for (const [name, markdown] of Object.entries(DOCUMENTS)) {
    it(`gives a tree without raw HTML what rehype-raw gives it: ${name}`, async () => {
      const tree = await expectSame(markdown);
      expect(tree.data).toEqual({ quirksMode: false });
    });
  }

  it('still parses raw HTML where there is some', async () => {
    const tree = await expectSame('Some <kbd class="key">Ctrl</kbd> text\n\n<div align="center">\n\n**bold**\n\n</div>\n');
    const tags: string[] = [];
    const walk = (node: Root | Element) => node.children.forEach((child) => child.type === 'element' && (tags.push(child.tagName), walk(child)));
    walk(tree);
    expect(tags).toContain('kbd');
    expect(tags).toContain('div');
    expect(JSON.stringify(tree)).not.toContain('"raw"');
  });

  it('writes properties as attributes and reads them back, as the round trip does', async () => {
    const made = (): Root => ({
      type: 'root',
      children: [
        h('p', { dataFlag: true, dataOff: false, hidden: false, title: 7, className: ['a', 'b'] }, [{ type: 'text', value: 'one ' }, { type: 'text', value: '' }, { type: 'text', value: 'two' }]),
        h('ol', { start: 3, reversed: true }, [h('li', { value: '2' }, 'item')]),
        h('input', { type: 'checkbox', checked: false, disabled: true }),
        h('table', [h('tbody', [h('tr', [h('td', { align: 'right', colSpan: 2, headers: ['x', 'y'] }, 'cell')])])]),
        h('img', { src: 'a.png', alt: '', srcSet: ['a.png 1x', 'b.png 2x'] }),
        { type: 'element', tagName: 'svg', properties: { viewBox: '0 0 10 10', xmlns: 'http://www.w3.org/2000/svg' }, children: [{ type: 'element', tagName: 'circle', properties: { cx: '5', cy: '5', r: '4', strokeWidth: '1' }, children: [] }] },
      ],
    });
    const file = new VFile();
    const parsed = rehypeRaw()(made(), file);
    const settled = made();
    expect(rehypeRawWhereNeeded()(settled, file)).toBeUndefined();
    expect(JSON.parse(JSON.stringify(settled))).toEqual(JSON.parse(JSON.stringify(parsed)));
    expect((settled.children[0] as Element).properties).toEqual({ dataFlag: '', title: '7', className: ['a', 'b'] });
    expect((settled.children[0] as Element).children).toEqual([{ type: 'text', value: 'one two' }]);
  });
});
