/** build's whileWaiting: called once per build, while its first document is in the text stages, never for a build with nothing to do. */
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/index.ts';
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
