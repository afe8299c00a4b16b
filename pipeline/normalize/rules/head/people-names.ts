/**
 * Whether capitalized words are people's names: `Jane Holloway` is, `Climate Change` is not, though
 * both stand where a byline stands. Checked against cspell's dictionary of people's names
 * (given names and surnames from many countries), read once, when first needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let names: Set<string> | undefined;

function dictionary(): Set<string> {
  if (names) return names;
  const root = dirname(createRequire(import.meta.url).resolve('@cspell/dict-people-names/cspell-ext.json'));
  const text = readFileSync(join(root, 'dict/people-names.txt'), 'utf8');
  names = new Set(text.split('\n').filter((word) => word !== '' && !word.startsWith('#')).map((word) => word.trim()));
  return names;
}

/** An initial (`J.`) or a name particle (`van`, `de`) says nothing either way. */
const NEUTRAL = /^(?:[A-Z]\.|van|von|de|der|da|del|di|du|la|le|al|bin|ibn)$/u;

function known(word: string): boolean {
  // `Mary-Jane`: each part of a joined name is a name.
  return dictionary().has(word) || (word.includes('-') && word.split('-').every((part) => dictionary().has(part)));
}

/** The words that can tell: not initials or particles. */
const telling = (words: string[]) => words.filter((word) => !NEUTRAL.test(word));

/** Every word of the line that can tell is a known name, and at least two can. */
export function isPersonName(words: string[]): boolean {
  const told = telling(words);
  return told.length >= 2 && told.every(known);
}

/** The last word is a known name (`Priya Raman`): the line may be a name the dictionary lacks the rest of. */
export function mayBePersonName(words: string[]): boolean {
  const told = telling(words);
  return told.length >= 2 && known(told.at(-1)!);
}
