/**
 * WOFF2 chunks converted to TrueType while others convert: each keeps its own
 * bytes. (wawoff2 returns a view of its memory that its next call overwrites;
 * converted all at once, 107 of 109 chunks came out as another's bytes.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontPackageDir } from '../../pipeline/fonts/catalogue.ts';
import { trueType } from '../../pipeline/fonts/truetype.ts';

const dir = join(fontPackageDir('noto-serif-tc'), 'files');
const chunks = readdirSync(dir)
  .filter((name) => /-400-normal\.woff2$/.test(name))
  .slice(0, 40)
  .map((name) => readFileSync(join(dir, name)));

const signature = (font: Uint8Array) => Buffer.from(font.subarray(0, 4)).toString('hex');

describe('WOFF2 to TrueType', () => {
  it('gives every chunk its own bytes when many convert at once', async () => {
    const alone: Uint8Array[] = [];
    for (const chunk of chunks) alone.push(await trueType(chunk));
    const together = await Promise.all(chunks.map((chunk) => trueType(chunk)));
    expect(chunks.length).toBeGreaterThan(10);
    together.forEach((font, i) => {
      expect(signature(font), `chunk ${i}`).toBe('00010000');
      expect(Buffer.from(font).equals(Buffer.from(alone[i]!)), `chunk ${i}`).toBe(true);
    });
  });
});
