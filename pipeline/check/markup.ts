/**
 * A stable pretty-printer for the markup galley writes (HTML, XHTML, OPF), so a
 * snapshot diff shows which element changed rather than one huge changed line.
 * It does not validate: outputs are validated elsewhere (vnu, EPUBCheck); it
 * only needs to lay out well-formed, machine-written markup the same way every run.
 */
import { createHash } from 'node:crypto';

export interface MarkupOptions {
  /** XML syntax: `<x/>` closes itself, no HTML void elements. */
  xml?: boolean;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is printed as written: whitespace or code matters there. */
const RAW = new Set(['script', 'style', 'pre', 'textarea']);
/** Phrasing elements stay on their parent's line, so a paragraph reads as one line. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark',
  'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

type Node =
  | { type: 'element'; name: string; open: string; children: Node[]; close: string }
  | { type: 'text'; value: string }
  | { type: 'raw'; value: string };

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/[^>]+>|<[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;

/** Formats markup one block element per line, indented by depth; text is whitespace-collapsed. */
export function formatMarkup(markup: string, options: MarkupOptions = {}): string {
  const lines: string[] = [];
  printChildren(parse(markup, options), 0, lines);
  return `${lines.join('\n')}\n`;
}

function parse(markup: string, options: MarkupOptions): Node[] {
  const root: Node & { type: 'element' } = { type: 'element', name: '#root', open: '', children: [], close: '' };
  const stack = [root];
  const top = () => stack[stack.length - 1]!;
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(markup))) {
    const token = match[0];
    if (!token.startsWith('<') || token === '<') {
      top().children.push({ type: 'text', value: token });
    } else if (/^<(!|\?)/.test(token)) {
      top().children.push({ type: 'raw', value: collapse(token) });
    } else if (token.startsWith('</')) {
      const name = tagName(token);
      // Close up to the matching element; a stray end tag is kept as text rather than lost.
      const at = stack.map((n) => n.name).lastIndexOf(name);
      if (at > 0) {
        stack[at]!.close = collapse(token);
        stack.length = at;
      } else {
        top().children.push({ type: 'raw', value: collapse(token) });
      }
    } else {
      const name = tagName(token);
      const element: Node & { type: 'element' } = { type: 'element', name, open: collapse(token), children: [], close: '' };
      top().children.push(element);
      const selfClosing = options.xml ? token.endsWith('/>') : VOID.has(name) || token.endsWith('/>');
      if (selfClosing) continue;
      if (RAW.has(name)) {
        const end = markup.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
        const stop = end < 0 ? markup.length : end;
        element.children.push({ type: 'raw', value: markup.slice(TOKEN.lastIndex, stop) });
        TOKEN.lastIndex = stop;
        stack.push(element);
      } else {
        stack.push(element);
      }
    }
  }
  return root.children;
}

function tagName(tag: string): string {
  return tag.match(/^<\/?([^\s/>]+)/)![1]!.toLowerCase();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s+(\/?>)$/, '$1');
}

const isInline = (node: Node): boolean =>
  node.type === 'text' || (node.type === 'element' && INLINE.has(node.name) && node.children.every(isInline));

function printChildren(children: Node[], depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  let run = '';
  const flush = () => {
    const text = run.replace(/\s+/g, ' ').trim();
    if (text) lines.push(indent + text);
    run = '';
  };
  for (const node of children) {
    if (isInline(node)) {
      run += inline(node);
      continue;
    }
    flush();
    if (node.type === 'raw') lines.push(indent + node.value);
    else if (node.type === 'element') printElement(node, depth, lines);
  }
  flush();
}

function printElement(node: Node & { type: 'element' }, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  if (RAW.has(node.name)) {
    const body = node.children.map((c) => (c.type === 'raw' ? c.value : '')).join('');
    if (node.name === 'pre' || node.name === 'textarea') {
      // Whitespace is content here: the lines stay exactly as written, unindented.
      lines.push(`${indent}${node.open}${body.split('\n').map((l) => l.trimEnd()).join('\n')}${node.close}`);
      return;
    }
    const bodyLines = body.split('\n').map((l) => l.trimEnd());
    while (bodyLines.length && !bodyLines[0]) bodyLines.shift();
    while (bodyLines.length && !bodyLines[bodyLines.length - 1]) bodyLines.pop();
    if (bodyLines.length <= 1) {
      lines.push(`${indent}${node.open}${bodyLines[0] ?? ''}${node.close}`);
      return;
    }
    lines.push(indent + node.open, ...bodyLines.map((l) => (l ? `${indent}  ${l}` : '')), indent + node.close);
    return;
  }
  if (node.children.every(isInline)) {
    const content = node.children.map(inline).join('').replace(/\s+/g, ' ').trim();
    lines.push(`${indent}${node.open}${content}${node.close}`);
    return;
  }
  lines.push(indent + node.open);
  printChildren(node.children, depth + 1, lines);
  if (node.close) lines.push(indent + node.close);
}

function inline(node: Node): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'raw') return node.value;
  return `${node.open}${node.children.map(inline).join('')}${node.close}`;
}

/**
 * Base64 data URIs (inlined images, fonts) become a short content hash: the
 * snapshot still changes when the data does, but stays small and readable.
 */
export function hashDataUris(text: string): string {
  return text.replace(/data:([\w.+-]+\/[\w.+-]+)((?:;[\w.+-]+=[\w.+-]+)*);base64,([A-Za-z0-9+/]+=*)/g, (_, type: string, params: string, data: string) => {
    const bytes = Buffer.from(data, 'base64');
    return `data:${type}${params};base64,[${bytes.length} bytes sha256:${shortHash(bytes)}]`;
  });
}

export function shortHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 12);
}
