/** build's whileWaiting: called once per build, while its first document is in the text stages, never for a build with nothing to do. */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { build } from '../../pipeline/index.ts';
import { prepareOutputs, warmOutputs } from '../../pipeline/batch/outputs.ts';
import { resolveSettings } from '../../pipeline/config/index.ts';
import { warmHtml } from '../../pipeline/emit/html-warm.ts';
import { loadTemplate, templatesDir } from '../../pipeline/render/template.ts';
import { copyTemplate, markdown, tempProject } from './project.ts';

describe('whileWaiting', () => {
  it('is called once, before the first document is done, and not by a no-op rebuild', async () => {
    const root = tempProject({ 'source/a.md': markdown('Alpha'), 'source/b.md': markdown('Beta'), 'source/c.md': markdown('Gamma') });
    copyTemplate(root, 'default');
    const events: string[] = [];
    const run = () =>
      build({ root, settings: { formats: ['html'] }, whileWaiting: () => events.push('waiting'), onDocument: (doc) => events.push(doc.source) });
    const first = await run();
    for (const doc of first.documents) expect(doc.error, doc.source).toBeUndefined();
    expect(events[0]).toBe('waiting');
    expect(events.filter((e) => e === 'waiting')).toHaveLength(1);
    expect(events.slice(1).sort()).toEqual(['source/a.md', 'source/b.md', 'source/c.md']);
    events.length = 0;
    await run();
    expect(events).not.toContain('waiting');
  });
});

describe('the throwaway page rendered while waiting', () => {
  it('renders with the default template and writes nothing: a build would only swallow its error', async () => {
    const root = tempProject({ 'source/a.md': markdown('Alpha') });
    copyTemplate(root, 'default');
    const template = loadTemplate('default', templatesDir(root));
    const settings = resolveSettings([{ formats: ['html'] }]);
    const before = readdirSync(root).sort();
    prepareOutputs(settings);
    await expect(warmOutputs(settings, template, root)).resolves.toBeUndefined();
    const warm = await warmHtml(template, settings, root);
    expect(readdirSync(root).sort()).toEqual(before);
    // A page of the template with its font rules: the code a real page runs through.
    expect(warm!.page).toContain('<h2 id="s0">');
    expect(warm!.page).toContain('@font-face');
    expect(warm!.fonts.some((font) => font.includes('noto-serif-tc'))).toBe(true);
    // A self-contained page would cut fonts: none is rendered for it.
    expect(await warmHtml(template, resolveSettings([{ formats: ['html'], selfContained: true }]), root)).toBeUndefined();
  });
});
