/** The preview page: a bar with the document's title and build state, the HTML page, the print PDF, and the repairs panel. */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { State } from './session.ts';

export function shellHtml(state: State): string {
  const title = state.snapshot?.title || state.snapshot?.source || 'galley preview';
  const tree = h(null, [
    { type: 'doctype' },
    // The versions of the page and the PDF its panes load: the script reloads them when a build it is told of differs.
    h('html', { lang: 'en', dataPageVersion: state.pageVersion, dataPdfVersion: state.pdfVersion }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', `${title} · galley preview`),
        h('link', { rel: 'stylesheet', href: '/fonts.css' }),
        h('link', { rel: 'stylesheet', href: '/assets/preview.css' }),
        h('script', { src: '/assets/preview.js', defer: true }),
      ]),
      h('body', [
        h('header.bar', [
          h('h1#title', title),
          h('span#source.source', state.snapshot?.source ?? ''),
          h('span#status.status', { role: 'status' }, state.building ? 'building…' : 'up to date'),
        ]),
        h('div#error.error', { role: 'alert', hidden: !state.error }, [h('pre', state.error ?? '')]),
        h('main.panes', [
          h('section.pane.page-pane', { ariaLabel: 'HTML page' }, [h('iframe#page', { name: 'page', title: 'HTML page', src: '/page.html' })]),
          h('section.pane.pdf-pane', { ariaLabel: 'Print PDF' }, [
            h('iframe#pdf', { title: 'Print PDF', src: '/print.pdf', hidden: !state.snapshot?.pdf }),
            h('p#no-pdf.note', { hidden: Boolean(state.snapshot?.pdf) }, 'No PDF: galley found no Chromium to print it with.'),
          ]),
          h('aside#repairs.pane.repairs-pane', { ariaLabel: 'Repairs' }),
        ]),
      ]),
    ]),
  ]);
  return toHtml(tree);
}
