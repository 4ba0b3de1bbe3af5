/**
 * Zod's issues in Ladder's words. Ladder words them itself rather than loading zod's English
 * locale: the sentences say what the sidebar or the settings got wrong, and the add-on's
 * bundle, which Apps Script loads for every formula, stays smaller.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) === 1 ? '' : 's'}`;

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, small: boolean): string {
  const limit = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') return `must be ${small ? 'at least' : 'at most'} ${plural(limit, 'character')} long`;
  if (issue.origin === 'array' || issue.origin === 'set') return `must have ${small ? 'at least' : 'at most'} ${plural(limit, 'item')}`;
  if (small) return `must be ${inclusive ? 'at least' : 'more than'} ${limit}`;
  return `must be ${inclusive ? 'at most' : 'less than'} ${limit}`;
}

export function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `expected ${issue.expected}`;
    case 'too_small':
      return bound(issue, true);
    case 'too_big':
      return bound(issue, false);
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return 'is not valid';
  }
}

/** "where: what", for the first issues of a failed parse. */
export function issuesText(issues: readonly Issue[], max = 2): string {
  return issues
    .slice(0, max)
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issueText(issue)}`)
    .join('; ');
}
