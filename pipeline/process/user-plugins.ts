/**
 * Users' remark and rehype plugins, named in galley.config.yaml (`remarkPlugins:`,
 * `rehypePlugins:`: a package name or a path, alone or as [name, options]).
 * Packages are loaded from the project's node_modules, paths from the project.
 * Each runs wrapped, so a plugin that throws fails only the document it threw
 * on, with one line naming the plugin.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pluggable, Plugin, Processor } from 'unified';
import type { PluginSpec, Settings } from '../config/index.ts';

export interface UserPlugin {
  name: string;
  options: unknown;
  /** What the build cache keys on: the package's version, or the local file's hash. */
  version: string;
  /** Absolute path of the module that default-exports the plugin. */
  entry: string;
}

/** A plugin that could not be found: the documents report it, so each names itself and the plugin. */
export class MissingPlugin extends Error {}

const spec = (item: PluginSpec): [string, unknown] => (typeof item === 'string' ? [item, undefined] : [item[0], item[1]]);
const isPath = (name: string) => name.startsWith('.') || isAbsolute(name);

/** Where a plugin named in the config lives, and its version; throws MissingPlugin. */
export function locatePlugin(item: PluginSpec, root: string): UserPlugin {
  const [name, options] = spec(item);
  if (isPath(name)) {
    const entry = resolve(root, name);
    if (!existsSync(entry)) throw new MissingPlugin(`plugin "${name}": no such file`);
    return { name, options, entry, version: createHash('sha256').update(readFileSync(entry)).digest('hex') };
  }
  const dir = packageDir(name, root);
  if (!dir) throw new MissingPlugin(`plugin "${name}" is not installed in the project (npm install ${name})`);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  return { name, options, entry: join(dir, entryOf(manifest)), version: manifest.version ?? '' };
}

interface Manifest {
  version?: string;
  main?: string;
  exports?: string | Record<string, unknown>;
}

/** node_modules/<name> in the project folder or a folder above it, as Node looks. */
function packageDir(name: string, root: string): string | undefined {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The module a package's `import` resolves to: its exports' entry, else main, else index.js. */
function entryOf(manifest: Manifest): string {
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const conditions = value as Record<string, unknown>;
      return pick(conditions['.'] ?? conditions.import ?? conditions.node ?? conditions.default);
    }
    return undefined;
  };
  return pick(manifest.exports) ?? manifest.main ?? 'index.js';
}

/** Every plugin of the settings with its version: part of the build cache key. */
export function pluginFingerprint(settings: Pick<Settings, 'remarkPlugins' | 'rehypePlugins'>, root: string): string {
  const describe = (item: PluginSpec) => {
    try {
      const plugin = locatePlugin(item, root);
      return [plugin.name, plugin.version, plugin.options ?? null];
    } catch (error) {
      return [spec(item)[0], (error as Error).message];
    }
  };
  return JSON.stringify({ remark: settings.remarkPlugins.map(describe), rehype: settings.rehypePlugins.map(describe) });
}

const loaded = new Map<string, Promise<Plugin<any[], any, any>>>();

/** The plugins, imported and wrapped, ready for processor.use(); a missing one throws MissingPlugin. */
export async function loadPlugins(items: PluginSpec[], root: string): Promise<Pluggable[]> {
  const plugins: Pluggable[] = [];
  for (const item of items) {
    const plugin = locatePlugin(item, root);
    // Keyed by version too: a long-running process (preview) sees a local plugin's edits.
    const key = `${plugin.entry}?v=${plugin.version}`;
    let attacher = loaded.get(key);
    if (!attacher) {
      attacher = import(`${pathToFileURL(plugin.entry).href}?v=${encodeURIComponent(plugin.version)}`).then((module: { default?: unknown }) => {
        if (typeof module.default !== 'function') throw new MissingPlugin(`plugin "${plugin.name}" does not export a plugin (a default-exported function)`);
        return module.default as Plugin<any[], any, any>;
      });
      loaded.set(key, attacher);
    }
    let imported: Plugin<any[], any, any>;
    try {
      imported = await attacher;
    } catch (error) {
      loaded.delete(key);
      if (error instanceof MissingPlugin) throw error;
      throw new MissingPlugin(`plugin "${plugin.name}" could not be loaded: ${firstLine(error)}`);
    }
    plugins.push([guarded(plugin.name, imported), ...(plugin.options === undefined ? [] : [plugin.options])] as Pluggable);
  }
  return plugins;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** The plugin, with whatever it throws (attaching or transforming) turned into one line that names it. */
function guarded(name: string, plugin: Plugin<any[], any, any>): Plugin<any[], any, any> {
  const fail = (error: unknown) => new Error(`plugin "${name}" failed: ${firstLine(error)}`);
  return function (this: Processor, ...options: unknown[]) {
    let transformer: ((...args: any[]) => unknown) | void;
    try {
      transformer = (plugin as (...args: unknown[]) => typeof transformer).apply(this, options);
    } catch (error) {
      throw fail(error);
    }
    if (typeof transformer !== 'function') return transformer;
    const transform = transformer;
    return async (tree: unknown, file: unknown) => {
      try {
        // A transformer of three parameters reports through its callback instead of returning.
        if (transform.length >= 3) {
          return await new Promise((resolve, reject) => transform(tree, file, (error: unknown, result: unknown) => (error ? reject(error) : resolve(result))));
        }
        return await transform(tree, file);
      } catch (error) {
        throw fail(error);
      }
    };
  } as Plugin<any[], any, any>;
}
