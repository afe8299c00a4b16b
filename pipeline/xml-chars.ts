/**
 * Characters XML does not allow (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF and the other noncharacters; lone
 * surrogates) make an EPUB invalid and mean nothing in HTML or a PDF. Text is
 * checked for them wherever it comes from (body, front matter, raw HTML,
 * character references) and they are removed, each removal reported.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function hasNonXml(text: string): boolean {
  NOT_XML.lastIndex = 0;
  return NOT_XML.test(text);
}

/** The text without the characters XML forbids, and those characters as U+XXXX, in order of appearance, each once. */
export function stripNonXml(text: string): { text: string; removed: string[] } {
  if (!hasNonXml(text)) return { text, removed: [] };
  const removed = new Set<string>();
  const clean = text.replace(NOT_XML, (c) => {
    removed.add(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    return '';
  });
  return { text: clean, removed: [...removed] };
}

/** A copy of a parsed value (front matter) with every string cleaned; `onRemoved` hears what went, by key path. */
export function stripNonXmlDeep(value: unknown, onRemoved: (path: string, removed: string[]) => void, path = ''): unknown {
  if (typeof value === 'string') {
    const { text, removed } = stripNonXml(value);
    if (removed.length) onRemoved(path, removed);
    return text;
  }
  if (Array.isArray(value)) return value.map((item, i) => stripNonXmlDeep(item, onRemoved, `${path}[${i}]`));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stripNonXmlDeep(item, onRemoved, path ? `${path}.${key}` : key)]));
  }
  return value;
}
