/**
 * JUnit XML, the format CI dashboards read: one <testcase> per document and
 * output, a <failure> carrying the summary and the diff.
 */
import { summarize, type CheckResult } from '../types.ts';

export function junitReport(result: CheckResult, name = 'galley check'): string {
  const counts = summarize(result.outputs);
  const failures = counts.failed;
  const errors = result.errors.length;
  const tests = result.outputs.length + errors;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(name)}" tests="${tests}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="${attr(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0">`,
  ];
  for (const output of result.outputs) {
    const open = `    <testcase classname="${attr(output.source)}" name="${attr(output.format)}" file="${attr(output.source)}"`;
    if (output.status !== 'failed') {
      lines.push(output.message ? `${open}>\n      <system-out>${text(output.message)}</system-out>\n    </testcase>` : `${open}/>`);
      continue;
    }
    const body = [output.message, output.diff, ...output.images.map((p) => `diff image: ${p}`)].filter(Boolean).join('\n\n');
    lines.push(`${open}>`, `      <failure message="${attr(output.message ?? 'differs')}" type="snapshot">${text(body)}</failure>`, '    </testcase>');
  }
  for (const error of result.errors) {
    lines.push(
      `    <testcase classname="${attr(error.file ?? 'galley')}" name="setup">`,
      `      <error message="${attr(error.message)}" type="galley"/>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** Characters XML 1.0 forbids even as references (most C0 controls, pdftotext's \f): dropped. */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}
