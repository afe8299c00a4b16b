// The raw Chromium floor for one document, as a process of its own (timed from
// outside, as galley is): launch, goto the print page, wait for its fonts,
// page.pdf, close. No interception, no post-processing.
//   node bench/floor-one.mjs PAGE.html OUT.pdf CHROMIUM
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [page, out, executablePath] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--allow-file-access-from-files'] });
try {
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 0 });
  await tab.evaluate(() => document.fonts.ready.then(() => undefined));
  await writeFile(out, await tab.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 }));
} finally {
  await browser.close();
}
