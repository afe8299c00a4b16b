/**
 * Settings in layers, later wins: defaults, galley.config.yaml at the project
 * root, a document's front matter, then CLI flags. One zod schema validates them all.
 */
import { readFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { GalleyError } from '../errors.ts';

// zod's mini build: the same checks and messages as its full one, without the
// dozens of methods that one defines on every schema as it is made (a cost each
// process paid at start-up). English messages are set here, as the full build does.
z.config(en());
// Without zod's compiled parsers: each object schema's first parse writes one with new Function,
// which V8 compiles in every process and no code cache keeps; a build parses its settings a few times.
z.config({ jitless: true });

const formats = z.enum(['html', 'pdf', 'epub']);

/**
 * `rules:` in the config: a repair rule turned off (its text kept as it was) or
 * reported at another severity. Rules that only shape the document (metadata,
 * structure) and the guards can change severity but not be turned off.
 */
const switchable = z.enum(['off', 'info', 'warn']);
const reported = z.enum(['info', 'warn']);
const rules = z.partial(
  z.strictObject({
    mojibake: switchable,
    control: switchable,
    markup: switchable,
    layout: switchable,
    boilerplate: switchable,
    punctuation: switchable,
    script: switchable,
    pinyin: switchable,
    citations: switchable,
    metadata: reported,
    structure: reported,
    notes: reported,
    'blocked-resource': reported,
    'invalid-utf8': reported,
  }),
);
export type RuleSettings = z.output<typeof rules>;

/** A user's remark or rehype plugin: a package name or a path (./...), alone or with its options. */
const name = z.string().check(z.minLength(1));
const plugin = z.union([name, z.tuple([name, z.unknown()])]);
export type PluginSpec = z.output<typeof plugin>;

const text = (fallback: string, pattern?: RegExp, message?: string) => z._default(pattern ? z.string().check(z.regex(pattern, message)) : z.string(), fallback);

export const settingsSchema = z
  .strictObject({
    template: text('default', /^[\w-]+$/, 'must be a folder name under templates/'),
    formats: z._default(z.array(formats).check(z.minLength(1)), ['html', 'pdf', 'epub']),
    pageSize: z._default(z.enum(['A4', 'A5', 'B5', 'Letter']), 'A4'),
    margin: text('22mm 20mm 24mm', /^(\d+(\.\d+)?(mm|cm|in|pt|px)\s*){1,4}$/, 'must be 1 to 4 lengths such as "20mm 18mm"'),
    script: z._default(z.enum(['keep', 'hant', 'hans']), 'keep'),
    writingMode: z._default(z.enum(['horizontal', 'vertical']), 'horizontal'),
    toc: z._default(z.union([z.boolean(), z.literal('auto')]), 'auto'),
    /** Images alone in a paragraph: as they are, as figures with captions, or captions numbered. */
    figures: z._default(z.enum(['plain', 'captions', 'numbered']), 'plain'),
    /** A book's chapters open on a right-hand page (a blank page before when needed). */
    recto: z._default(z.boolean(), false),
    sources: text('source'),
    out: text('out'),
    snapshots: text('test/__snapshots__'),
    trusted: z._default(z.boolean(), false),
    /** Markdown repairs: reported only (the author's text as written), or applied. Scraped text always applies them. */
    repairs: z._default(z.enum(['report', 'apply']), 'report'),
    /** A BibTeX or CSL JSON file; from front matter relative to the document, from the config to the project. */
    bibliography: z.optional(z.string()),
    /** Citation style: a style galley ships (gb-t-7714, apa) or a .csl file in the project. */
    csl: text('gb-t-7714'),
    /** A shiki theme for code blocks. */
    codeTheme: text('github-light', /^[\w-]+$/, 'must be a shiki theme name such as "github-light"'),
    lineNumbers: z._default(z.boolean(), false),
    /** The HTML page carries subsets of its text font, inline, for machines without CJK fonts. */
    selfContained: z._default(z.boolean(), false),
    rules: z._default(rules, {}),
    remarkPlugins: z._default(z.array(plugin), []),
    rehypePlugins: z._default(z.array(plugin), []),
    concurrency: z._default(z.int().check(z.gte(1), z.lte(64)), availableParallelism()),
    timeout: z._default(z.number().check(z.positive(), z.lte(3600)), 60),
    /** A running Chromium's DevTools endpoint to print on, instead of launching one. */
    browser: z.optional(z.string().check(z.regex(/^wss?:\/\/[^\s/]+/, 'must be a DevTools endpoint such as ws://127.0.0.1:9222/devtools/browser/…'))),
  })
  .check(
    z.superRefine((settings, context) => {
      const room = pageRoom(settings.pageSize, settings.margin);
      if (room) context.addIssue({ code: 'custom', path: ['margin'], message: room });
    }),
  );

/** Page sizes in millimetres, width × height. */
const PAGE_MM: Record<string, [number, number]> = { A4: [210, 297], A5: [148, 210], B5: [176, 250], Letter: [215.9, 279.4] };
const UNIT_MM: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72, px: 25.4 / 96 };

/** Why the margins leave no page to print on, if they do: Chromium would silently print a default page instead. */
function pageRoom(pageSize: string, margin: string): string | undefined {
  const lengths = [...margin.matchAll(/(\d+(?:\.\d+)?)(mm|cm|in|pt|px)/g)].map(([, n, unit]) => Number(n) * UNIT_MM[unit!]!);
  if (lengths.length === 0) return undefined;
  // CSS shorthand: top, right, bottom, left.
  const [top, right = top, bottom = top, left = right] = lengths as [number, ...number[]];
  const [width, height] = PAGE_MM[pageSize]!;
  if (left! + right! >= width * 0.9 || top + bottom! >= height * 0.9) {
    return `"${margin}" leaves almost no room on a ${pageSize} page (${width} × ${height} mm)`;
  }
  return undefined;
}

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** Keys a document may set in its front matter: how it looks, not where files go. */
const DOCUMENT_KEYS = ['template', 'pageSize', 'margin', 'script', 'writingMode', 'toc', 'repairs', 'bibliography', 'csl', 'codeTheme', 'lineNumbers', 'figures', 'selfContained'] as const;

export const CONFIG_FILE = 'galley.config.yaml';

export function loadConfig(root: string): SettingsInput {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let data: unknown;
  try {
    // Core schema, warnings off: an unknown tag leaves a plain string for the schema to judge.
    data = YAML.parse(readFileSync(path, 'utf8'), { schema: 'core', logLevel: 'error' }) ?? {};
  } catch (error) {
    const line = (error as YAML.YAMLError).linePos?.[0]?.line;
    const reason = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new GalleyError(CONFIG_FILE, `${line ? `line ${line}: ` : ''}not valid YAML: ${reason}`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) throw new GalleyError(CONFIG_FILE, 'must be a YAML mapping');
  return checkSettings(data as SettingsInput, CONFIG_FILE);
}

/** Merges layers and validates the result; `origin` names the file a bad value came from. */
export function resolveSettings(layers: SettingsInput[], origin = CONFIG_FILE): Settings {
  const merged = Object.assign({}, ...layers.map(dropUndefined));
  return validate(merged, origin);
}

/** The presentation keys of a document's front matter (`galley:` block or top level). */
export function documentSettings(frontMatter: Record<string, unknown>): SettingsInput {
  const block = frontMatter.galley;
  const source = block && typeof block === 'object' ? (block as Record<string, unknown>) : frontMatter;
  const picked: Record<string, unknown> = {};
  for (const key of DOCUMENT_KEYS) if (source[key] !== undefined) picked[key] = source[key];
  return picked as SettingsInput;
}

function validate(input: SettingsInput, origin: string, exitCode = 1): Settings {
  const result = settingsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new GalleyError(origin, `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (see README: Settings)`, exitCode);
  }
  const key = issue.path.join('.') || 'settings';
  throw new GalleyError(origin, `${key}: ${issue.message}`, exitCode);
}

/** Validates one layer on its own, so a bad value is blamed on where it was written. */
export function checkSettings(layer: SettingsInput, origin: string, exitCode = 1): SettingsInput {
  validate(layer, origin, exitCode);
  return layer;
}

/** A layer without its unset keys, so that it leaves the layers below it alone. */
export function dropUndefined(layer: SettingsInput): SettingsInput {
  return Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined)) as SettingsInput;
}
