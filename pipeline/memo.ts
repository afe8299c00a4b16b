/** `make(key)` runs once per key for the life of the process; later calls share its promise. */
export function oncePerKey<T>(make: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  return (key) => {
    let value = made.get(key);
    if (!value) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

/**
 * Runs `each` on `compute(ch)` for every character of a text, in order. The value of each BMP
 * code unit is kept after its first sight (a Unicode-property test on each of a long page's
 * characters is slow); a surrogate pair is computed each time. Values are 0–65534.
 */
export function perCharacter(compute: (ch: string) => number): (text: string, each: (value: number) => void) => void {
  const known = new Uint16Array(0x10000); // the value + 1; 0 for not yet known
  return (text, each) => {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if ((unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        each(compute(text.slice(i, i + 2)));
        i++;
      } else each((known[unit] ||= compute(String.fromCharCode(unit)) + 1) - 1);
    }
  };
}
