/**
 * The version of the rule catalogue: what the rules in `specs/` mean, as a whole. Bumped whenever a
 * rule is added or removed, or a rule's verdict can change for the same endpoint behaviour
 * (docs/CHANGELOG-rules.md says what changed in each version). Reports carry it, so a result can
 * be told apart from one judged by other rules. No imports: the reports read it too.
 */
export const RULE_CATALOGUE_VERSION = 3;
