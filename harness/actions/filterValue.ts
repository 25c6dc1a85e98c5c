/**
 * EC2 reads every describe filter value as a pattern: `*` is any run of characters, `?` one
 * character, and a backslash makes the next character literal (REF-FILTER-PATTERNS; EC2 User Guide, "List
 * and filter using the CLI and API"). A token or tag value sent raw could match other resources
 * (`*`) or none (`a\b`); escaped, it matches exactly itself.
 */
export function literalFilterValue(value: string): string {
  return value.replace(/[\\*?]/g, (special) => `\\${special}`);
}
