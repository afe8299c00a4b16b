/**
 * The date stamped into a PDF or EPUB: SOURCE_DATE_EPOCH when the build sets it
 * (reproducible-builds convention), else the document's own date; never the clock.
 */
import { GalleyError } from '../errors.ts';
import type { DocumentMeta } from '../types.ts';

/** The latest second a four-digit year can write (9999-12-31T23:59:59Z). */
const LAST_EPOCH = 253_402_300_799;

/** SOURCE_DATE_EPOCH, when set, is whole seconds a PDF, a zip and an ISO date can all hold: refused before anything is built. */
export function checkSourceDateEpoch(env: NodeJS.ProcessEnv = process.env): void {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return;
  if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH) {
    throw new GalleyError('SOURCE_DATE_EPOCH', `"${epoch.slice(0, 40)}" is not a time galley can write (whole seconds since 1970, up to ${LAST_EPOCH})`, 2);
  }
}

export function buildDate(meta: DocumentMeta, env: NodeJS.ProcessEnv = process.env): Date | undefined {
  checkSourceDateEpoch(env);
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch) return new Date(Number(epoch) * 1000);
  if (meta.date) {
    const time = meta.time && /^\d{2}:\d{2}$/.test(meta.time) ? meta.time : '00:00';
    // A month or a year stands for its first day.
    const day = `${meta.date}-01-01`.slice(0, 10);
    const date = new Date(`${day}T${time}:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}
