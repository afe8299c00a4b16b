/**
 * The EPUB 3 e-book. epub-gen-memory turns each chapter's HTML into XHTML,
 * fetches the images and lays out the container; galley supplies its own
 * chapter template (an EJS string: text reaches it only as values, never as
 * template), writes the navigation and NCX itself, and corrects what the library
 * gets wrong: random identifier and image names, the clock as dates, every
 * non-ASCII character written as a numeric entity, a zip that differs on each
 * run. The package document is written last, from the files really present.
 */
import { createHash } from 'node:crypto';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EPub, type Chapter as LibraryChapter } from 'epub-gen-memory';
import { h } from 'hastscript';
import type { Settings } from '../../config/index.ts';
import type { RenderedDocument } from '../../render/index.ts';
import { labelsFor } from '../../locale/labels.ts';
import type { Template } from '../../render/template.ts';
import type { BrowserSession } from '../browser/index.ts';
import { buildDate } from '../dates.ts';
import { splitChapters, textOf, type Chapter } from './chapters.ts';
import { coverImage } from './cover/index.ts';
import { subsetCjkFont } from './fonts.ts';
import { restoreMath, stashMath, type StashedMath } from './mathml.ts';
import { navXhtml, ncxXml, nestEntries, xhtmlPage, type Landmark } from './nav.ts';
import { stringifyHtml, stringifyXhtml } from '../../render/serialize.ts';
import { contentIdentifier, packageDocument, type ManifestItem, type SpineItem } from './package.ts';
import { readZip, writeEpubZip } from './zip.ts';
import { mediaType } from '../media-types.ts';

export interface EpubJob {
  /** The document, or a bound book (book/bind.ts). */
  doc: RenderedDocument;
  template: Template;
  settings: Settings;
  root: string;
  /** Shoots a template's own cover.html; without one, galley draws its own cover. */
  session?: BrowserSession;
  onBlocked?: (url: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** When neither the document nor SOURCE_DATE_EPOCH gives a date: fixed, never the clock. */
const FALLBACK_DATE = new Date(Date.UTC(1980, 0, 1));

const CHAPTER_TEMPLATE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="<%= lang %>" xml:lang="<%= lang %>">
<head>
<meta charset="UTF-8"/>
<title><%= title %></title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body<%- bodyAttributes %>>
<%- content %>
</body>
</html>
`;

const VERTICAL_CSS = 'html { -epub-writing-mode: vertical-rl; writing-mode: vertical-rl; }';

export async function renderEpub(job: EpubJob): Promise<Uint8Array> {
  const { doc, template, settings, root } = job;
  const { meta } = doc;
  const labels = labelsFor(meta.lang);
  const assetUrl = (path: string) => pathToFileURL(join(root, path)).href;
  const { chapters, nav } = splitChapters(doc, assetUrl);
  const texts = chapters.map((c) => textOf({ type: 'root', children: c.nodes }));
  const identifier = contentIdentifier([meta.title, ...meta.authors, meta.lang, meta.date ?? '', ...doc.assets, ...texts]);
  const modified = buildDate(meta, job.env) ?? FALLBACK_DATE;

  const cover = await coverImage(meta, template, settings, job.session, job.onBlocked ?? (() => undefined));
  const withNav = Boolean(doc.parts) || doc.contents !== undefined;
  const bodyStart = chapters.find((c) => !c.titlePage)!;
  const landmarks: Landmark[] = [];
  landmarks.push({ type: 'cover', href: 'cover.xhtml', text: coverLabel(meta.lang) });
  if (chapters[0]?.titlePage) landmarks.push({ type: 'titlepage', href: chapters[0].file, text: meta.title });
  if (withNav) landmarks.push({ type: 'toc', href: 'toc.xhtml#toc', text: labels.contents });
  landmarks.push({ type: 'bodymatter', href: bodyStart.file, text: bodyStart.title });
  const tree = nestEntries(nav);

  const fontText = [...texts, ...nav.map((e) => e.text), labels.contents, meta.title, cssStrings(template.epubCss)].join('\n');
  const font = await subsetCjkFont(fontText, meta.lang);
  const css = [font.css, settings.writingMode === 'vertical' ? VERTICAL_CSS : '', template.epubCss].filter(Boolean).join('\n');

  const math: StashedMath = { formulas: new Map() };
  const library = new EPub(
    {
      title: meta.title,
      author: meta.authors,
      lang: meta.lang,
      description: meta.description ?? '',
      date: modified.toISOString(),
      css,
      chapterXHTML: CHAPTER_TEMPLATE,
      // The library renders these as EJS templates, where a title's `%>` is markup: written below instead, as they are.
      tocXHTML: '',
      tocNCX: '',
      // Written below, once every file's final name is known.
      contentOPF: '',
      prependChapterTitles: false,
      numberChaptersInTOC: false,
      version: 3,
      verbose: false,
      ignoreFailedDownloads: false,
    },
    chapters.map((chapter) => libraryChapter(chapter, math)),
  );
  await library.render();
  const files = await readZip(await library.generateAsync({ type: 'uint8array', compression: 'STORE' }));
  files.delete('OEBPS/content.opf');
  const out = fixLibraryOutput(files, math);
  out.set('OEBPS/toc.xhtml', navXhtml({ lang: meta.lang, title: meta.title, contentsLabel: labels.contents, tree, landmarks }));
  out.set('OEBPS/toc.ncx', ncxXml({ identifier, lang: meta.lang, title: meta.title, authors: meta.authors, tree }));
  for (const { href, data } of font.fonts) out.set(`OEBPS/${href}`, data);
  out.set('OEBPS/images/cover.png', cover);
  out.set('OEBPS/cover.xhtml', coverPage(meta.title, meta.authors, meta.lang));
  out.set('OEBPS/content.opf', opf(out, chapters, { identifier, doc, modified, withNav, vertical: settings.writingMode === 'vertical' }));
  return writeEpubZip(out, modified);
}

function libraryChapter(chapter: Chapter, math: StashedMath): LibraryChapter {
  const nodes = structuredClone(chapter.nodes);
  stashMath(nodes, math);
  const html = stringifyHtml(nodes);
  // Extra fields reach the chapter template: the library passes the chapter object through.
  const extra = { lang: chapter.lang, bodyAttributes: chapter.titlePage ? ' epub:type="titlepage"' : '' };
  return { title: chapter.title, content: html, filename: chapter.file, excludeFromToc: true, ...extra } as LibraryChapter;
}

/**
 * Content-named images (the library names them with random UUIDs), characters
 * as themselves instead of numeric references, and an empty alt kept empty.
 */
function fixLibraryOutput(files: Map<string, Uint8Array>, math: StashedMath): Map<string, Uint8Array | string> {
  const renames = new Map<string, string>();
  for (const [name, data] of files) {
    const match = name.match(/^OEBPS\/(images\/[^/]+?)(\.[\w]+)?$/);
    if (match) renames.set(match[1]! + (match[2] ?? ''), `images/${createHash('sha256').update(data).digest('hex').slice(0, 16)}${match[2] ?? ''}`);
  }
  const out = new Map<string, Uint8Array | string>();
  for (const [name, data] of files) {
    if (name.startsWith('OEBPS/images/')) {
      out.set(`OEBPS/${renames.get(name.slice('OEBPS/'.length))}`, data);
    } else if (name.endsWith('.xhtml')) {
      let text = new TextDecoder().decode(data);
      for (const [from, to] of renames) text = text.split(from).join(to);
      out.set(name, restoreMath(decodeCharacterReferences(text), math).replaceAll('alt="image-placeholder"', 'alt=""'));
    } else {
      out.set(name, data);
    }
  }
  return out;
}

/** Numeric references to characters beyond ASCII, back to the characters; markup characters stay escaped. */
export function decodeCharacterReferences(xml: string): string {
  const decode = (code: number, match: string) => (code >= 0xa0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match);
  return xml
    .replace(/&#x([0-9a-f]+);/gi, (match, hex: string) => decode(parseInt(hex, 16), match))
    .replace(/&#(\d+);/g, (match, dec: string) => decode(Number(dec), match));
}

function coverLabel(lang: string): string {
  return /^zh/i.test(lang) ? '封面' : 'Cover';
}

function coverPage(title: string, authors: string[], lang: string): string {
  const alt = [title, ...authors].join(' — ');
  const body = h('body.cover-page', { 'epub:type': 'cover' }, ['\n', h('div.cover', [h('img', { src: 'images/cover.png', alt })]), '\n']);
  return stringifyXhtml(xhtmlPage(lang, coverLabel(lang), body));
}

interface OpfOptions {
  identifier: string;
  doc: RenderedDocument;
  modified: Date;
  withNav: boolean;
  vertical: boolean;
}

function opf(files: Map<string, Uint8Array | string>, chapters: Chapter[], options: OpfOptions): string {
  const manifest: ManifestItem[] = [];
  let fontCount = 0;
  const names = [...files.keys()].filter((n) => n.startsWith('OEBPS/') && n !== 'OEBPS/content.opf').sort();
  for (const name of names) {
    const href = name.slice('OEBPS/'.length);
    const base = posix.basename(href).replace(/\.[^.]+$/, '');
    if (href === 'toc.xhtml') manifest.push({ id: 'nav', href, mediaType: 'application/xhtml+xml', properties: 'nav' });
    else if (href === 'toc.ncx') manifest.push({ id: 'ncx', href, mediaType: 'application/x-dtbncx+xml' });
    else if (href === 'style.css') manifest.push({ id: 'style', href, mediaType: 'text/css' });
    else if (href.endsWith('.xhtml')) {
      const text = String(files.get(name));
      const properties = [text.includes('<math') && 'mathml', text.includes('<svg') && 'svg'].filter(Boolean).join(' ');
      manifest.push({ id: base, href, mediaType: 'application/xhtml+xml', ...(properties ? { properties } : {}) });
    } else if (href === 'images/cover.png') manifest.push({ id: 'cover-image', href, mediaType: 'image/png', properties: 'cover-image' });
    else if (href.startsWith('images/')) manifest.push({ id: `img-${base}`, href, mediaType: mediaType(href) });
    else if (href.startsWith('fonts/')) manifest.push({ id: `font-${++fontCount}`, href, mediaType: mediaType(href) });
    else manifest.push({ id: `file-${manifest.length + 1}`, href, mediaType: mediaType(href) });
  }
  const spine: SpineItem[] = [{ idref: 'cover' }];
  const [first, ...rest] = chapters;
  if (first?.titlePage) spine.push({ idref: 'title' });
  if (options.withNav) spine.push({ idref: 'nav' });
  for (const chapter of first?.titlePage ? rest : chapters) spine.push({ idref: chapter.file.replace(/\.xhtml$/, '') });
  const images = manifest.some((m) => m.id.startsWith('img-'));
  return packageDocument({
    identifier: options.identifier,
    meta: options.doc.meta,
    modified: options.modified,
    manifest,
    spine,
    rtl: options.vertical,
    coverId: 'cover-image',
    accessibility: {
      images,
      summary: `Reflowable text with a nested table of contents and headings in reading order${images ? '; every image has a text alternative' : ''}. No known hazards.`,
    },
  });
}

/** Text that the stylesheet itself puts on the page (content: "…"), which the font must also cover. */
function cssStrings(css: string): string {
  return [...css.matchAll(/content:\s*"([^"]*)"/g)].map((m) => m[1]).join('');
}
