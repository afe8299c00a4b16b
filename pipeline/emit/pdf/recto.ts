/**
 * `recto: true`: every chapter of a book opens on a right-hand page, an odd
 * one. Chromium ignores `break-before: right`, so a draft print tells on which
 * page each chapter opens (the named destination of its title), and a blank
 * page (.blank-page, see render/page-rules.ts) goes before each chapter that
 * would open on an even one. Chapters already start on a page of their own, so
 * a blank page moves everything after it by exactly one page and nothing reflows.
 */
import type { Page } from 'puppeteer-core';

/** Inserts the blank pages into the document on `page`, knowing the draft's page of each heading id; returns how many. */
export async function openOnRecto(page: Page, pages: Map<string, number>, partIds: string[]): Promise<number> {
  const pads: number[] = [];
  let added = 0;
  partIds.forEach((id, index) => {
    const start = pages.get(id);
    if (start !== undefined && (start + added) % 2 === 0) {
      pads.push(index);
      added++;
    }
  });
  if (pads.length) {
    // Through the DevTools protocol, like every change to a galley page: its scripts stay off.
    await page.evaluate((indices) => {
      const sections = document.querySelectorAll('.content > section.book-part');
      for (const index of indices) {
        const blank = document.createElement('div');
        blank.className = 'blank-page';
        sections[index]?.before(blank);
      }
    }, pads);
  }
  return pads.length;
}
