/** The config's `rules:` applied: which repair rules run, and at what severity their messages are reported. */
import type { VFile } from 'vfile';
import type { RuleSettings } from '../config/index.ts';

export function ruleEnabled(rules: RuleSettings): (rule: string) => boolean {
  return (rule) => rules[rule as keyof RuleSettings] !== 'off';
}

/**
 * Last in the chain, so it sees every message the parser and the plugins left:
 * an `info` rule's messages become notes, a `warn` rule's warnings.
 */
export function ruleSeverity(rules: RuleSettings) {
  return (_tree: unknown, file: VFile) => {
    const setting = (ruleId: string | undefined) => (ruleId ? rules[ruleId as keyof RuleSettings] : undefined);
    file.messages = file.messages.filter((message) => setting(message.ruleId) !== 'off');
    for (const message of file.messages) {
      const severity = setting(message.ruleId);
      if (severity === 'info') message.fatal = undefined;
      else if (severity === 'warn') message.fatal = false;
    }
  };
}
