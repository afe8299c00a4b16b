const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A CSS string literal, safe inside a <style> element: every character CSS
 * gives a meaning in a string (quote, backslash, line breaks including the form
 * feed), every other control character, and `<` (which could close the element)
 * written as a hex escape, which a following space ends.
 */
export function cssString(value: string): string {
  return `"${value.replace(/[\u0000-\u001f\u007f"\\<>]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
