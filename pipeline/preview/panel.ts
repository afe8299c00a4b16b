/**
 * The repairs panel: every message of the document, grouped by rule, each
 * with its place in the source, the text before and after, and a link to the
 * spot in the page (id="spot-N" in the preview's copy) when it has one.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';

export interface Repair {
  id: number;
  /** The source file, as the user names it. */
  file: string;
  line?: number;
  column?: number;
  rule: string;
  severity: 'info' | 'warning' | 'error';
  reason: string;
  before?: string;
  after?: string;
  /** True when the message has a spot in the page to link to. */
  placed: boolean;
}

export function panelTree(repairs: Repair[], files: number): Element {
  const groups = new Map<string, Repair[]>();
  const ordered = [...repairs].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.id - b.id);
  for (const repair of ordered) groups.set(repair.rule, [...(groups.get(repair.rule) ?? []), repair]);
  const warnings = repairs.filter((r) => r.severity !== 'info').length;
  return h('section.repairs', { ariaLabel: 'Repairs' }, [
    h('h2', [`${repairs.length} message${repairs.length === 1 ? '' : 's'}`, warnings ? h('span.warnings', ` (${warnings} warning${warnings === 1 ? '' : 's'})`) : '']),
    repairs.length ? '' : h('p.none', 'Nothing was repaired or reported in this document.'),
    ...[...groups].map(([rule, list]) =>
      h('details.rule', { open: true, dataRule: rule }, [
        h('summary', [h('span.rule-name', rule), h('span.count', String(list.length))]),
        h('ol', list.map((repair) => item(repair, files > 1))),
      ]),
    ),
  ]);
}

function item(repair: Repair, showFile: boolean): Element {
  const place = repair.line === undefined ? 'no place' : `${showFile ? `${repair.file}:` : ''}${repair.line}:${repair.column ?? 1}`;
  const body = [
    h('span.place', place),
    change(repair),
    h('span.reason', repair.reason),
  ];
  const inner = repair.placed
    ? h('a.repair-link', { href: `/page.html#spot-${repair.id}`, target: 'page', dataRepair: String(repair.id) }, body)
    : h('span.repair-link.unplaced', { title: 'no place in the rendered text' }, body);
  return h('li.repair', { className: [`severity-${repair.severity}`], dataRepair: String(repair.id) }, [inner]);
}

/** Before and after, with empty text shown as such: a removal has no "after". */
function change(repair: Repair): Element | string {
  if (repair.before === undefined && repair.after === undefined) return '';
  const side = (tag: 'del' | 'ins', text: string | undefined) => (text ? h(tag, text) : h(`${tag}.empty`, tag === 'ins' ? 'removed' : 'nothing'));
  if (repair.before !== undefined && repair.before === repair.after) return h('span.change', [h('span.same', repair.before)]);
  return h('span.change', [side('del', repair.before), h('span.arrow', { ariaHidden: 'true' }, ' → '), side('ins', repair.after)]);
}
