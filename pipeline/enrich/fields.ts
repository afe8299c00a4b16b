/**
 * Front matter fields by kind: text, a list of texts, a date. A value of the
 * wrong kind (`authors: {a: 1}`, a `!!set`) is an error naming the field, not
 * "[object Object]" in a title; a date must be a real day of a real month.
 */
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { GalleyError } from '../errors.ts';
import { stripNonXml, stripNonXmlDeep } from '../xml-chars.ts';

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Set) return 'a set';
  if (value instanceof Map) return 'a mapping';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

export class Fields {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly file: VFile,
  ) {}

  private refuse(field: string, value: unknown, wanted: string): never {
    throw new GalleyError(this.file.path, `front matter: ${field} must be ${wanted}, not ${kindOf(value)}`);
  }

  private scalar(field: string, value: unknown, wanted: string): string | undefined {
    if (value == null) return undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const result = String(value).trim();
      return result === '' ? undefined : result;
    }
    return this.refuse(field, value, wanted);
  }

  text(field: string): string | undefined {
    return this.scalar(field, this.data[field], 'text');
  }

  /** A list of texts, or one text of comma-separated items. */
  list(...fields: string[]): string[] {
    const field = fields.find((name) => this.data[name] != null);
    if (!field) return [];
    const value = this.data[field];
    const items = Array.isArray(value) ? value : (this.scalar(field, value, 'a list of texts') ?? '').split(/[,，、;；]/);
    return items.map((item, i) => this.scalar(`${field}[${i}]`, item, 'text') ?? '').filter(Boolean);
  }

  /** A BCP 47 language tag: it becomes xml:lang and dc:language. */
  lang(field: string): string | undefined {
    const text = this.text(field);
    if (text !== undefined && !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(text)) {
      throw new GalleyError(this.file.path, `front matter: ${field} "${text}" is not a language tag (BCP 47, like zh-Hant or en)`);
    }
    return text;
  }

  /**
   * YYYY-MM-DD, checked to be a day that exists; a month (YYYY-MM) or a year (YYYY) when that is
   * all the source says, as W3C dates (EPUB's dc:date, HTML's <time>) allow.
   */
  date(field: string): string | undefined {
    const value = this.data[field];
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) this.refuse(field, value, 'a valid date');
      return value.toISOString().slice(0, 10);
    }
    const text = this.scalar(field, value, 'a date (YYYY-MM-DD)');
    if (text === undefined) return undefined;
    const match = text.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/);
    if (!match) throw new GalleyError(this.file.path, `front matter: ${field} "${text}" is not a date (YYYY-MM-DD, or YYYY-MM, or YYYY)`);
    const [y, m = 1, d = 1] = match.slice(1).filter((part) => part !== undefined).map(Number) as number[];
    const day = new Date(0);
    // setUTCFullYear, not Date.UTC: that reads years 0-99 as 1900-1999.
    day.setUTCFullYear(y!, m - 1, d);
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
      throw new GalleyError(this.file.path, `front matter: ${field} "${match[0]}" is not a day of the calendar`);
    }
    return match[0];
  }
}

/** Removes, and reports, characters XML forbids from the front matter and from every text of the tree. */
export function cleanXmlChars(tree: Node, frontMatter: Record<string, unknown>, file: VFile): Record<string, unknown> {
  const report = (where: string, removed: string[], place?: Node['position']) =>
    file.message(`removed ${removed.join(', ')} from ${where}: not allowed in XML`, { place, ruleId: 'xml-chars', source: 'galley' });
  const clean = stripNonXmlDeep(frontMatter, (path, removed) => report(`front matter ${path}`, removed)) as Record<string, unknown>;
  visit(tree, (node) => {
    const record = node as unknown as Record<string, unknown>;
    for (const key of ['value', 'alt', 'title', 'url']) {
      if (typeof record[key] !== 'string') continue;
      const { text, removed } = stripNonXml(record[key]);
      if (!removed.length) continue;
      record[key] = text;
      report('the text', removed, node.position);
    }
  });
  return clean;
}
