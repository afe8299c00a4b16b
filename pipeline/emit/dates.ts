/**
 * The date stamped into a PDF or EPUB: SOURCE_DATE_EPOCH when the build sets it
 * (reproducible-builds convention), else the document's own date; never the clock.
 */
import type { DocumentMeta } from '../types.ts';

export function buildDate(meta: DocumentMeta, env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (meta.date) {
    const time = meta.time && /^\d{2}:\d{2}$/.test(meta.time) ? meta.time : '00:00';
    const date = new Date(`${meta.date}T${time}:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}
