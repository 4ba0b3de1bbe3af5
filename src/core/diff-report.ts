/**
 * "What changed since…" in words (DESIGN §10): coverage and the effort mix before → after,
 * then each change as a sentence, layer by layer, then the requests declined since and those
 * that came back. Cell text is stripped of control characters, as in the audit's report.
 */
import { LAYERS, type LayerCode, layerSpec } from './layers';
import type { DiffField, ItemChange, PlanDiff } from './plan-diff';
import { asPercent } from './progress-format';
import { clip, printable } from './text';

const safe = (text: string, max = 120) => printable(clip(text, max));
const share = (fraction: number | null) => (fraction === null ? '–' : asPercent(fraction));

function fieldText(field: DiffField, value: string | number | null): string {
  if (value === null || value === '') return field === 'flags' ? 'none' : field === 'parents' ? 'no link' : 'none';
  if (field === 'progress' && typeof value === 'number') return asPercent(value);
  return field === 'title' ? `"${safe(String(value))}"` : safe(String(value));
}

/** One change as a sentence: `"Model S" (R-2): effort 8 → 5; flags none → NO_GOAL.` */
export function changeSentence(change: ItemChange): string {
  const noun = layerSpec(change.layer as LayerCode).noun;
  const name = `"${safe(change.title || change.key)}"${change.title && change.title !== change.key ? ` (${safe(change.key, 40)})` : ''}`;
  if (change.change === 'added') return `Added the ${noun} ${name}.`;
  if (change.change === 'removed') return `Removed the ${noun} ${name}.`;
  const parts = Object.entries(change.fields).map(
    ([field, [before, after]]) => `${field} ${fieldText(field as DiffField, before)} → ${fieldText(field as DiffField, after)}`,
  );
  return `${name}: ${parts.join('; ')}.`;
}

export function diffReport(diff: PlanDiff, newer: string): string {
  const lines = [`What changed in ${printable(newer)} since ${printable(diff.since)}`, ''];
  lines.push(`Coverage: ${share(diff.coverage.before)} → ${share(diff.coverage.after)} of roadmap rows reach a goal`);
  if (diff.mix.length > 0) {
    lines.push('Effort mix by pillar (before → after, against the target):');
    for (const pillar of diff.mix) {
      const target = pillar.target === null ? 'no target' : `target ${share(pillar.target)}`;
      lines.push(`  ${safe(pillar.pillar, 40)}: ${share(pillar.before)} → ${share(pillar.after)} (${target})`);
    }
  }
  lines.push('');
  lines.push(diff.items.length === 0 ? 'No item changed.' : `${diff.items.length} change${diff.items.length === 1 ? '' : 's'}:`);
  for (const spec of LAYERS) {
    const changes = diff.items.filter((change) => change.layer === spec.code);
    if (changes.length === 0) continue;
    lines.push(`  ${spec.code}`);
    for (const change of changes) lines.push(`    ${changeSentence(change)}`);
  }
  if (diff.declined.length > 0) {
    lines.push('', 'Declined since:');
    for (const request of diff.declined)
      lines.push(`  "${safe(request.request)}"${request.date ? ` on ${request.date}` : ''}: ${safe(request.reason, 300)}`);
  }
  if (diff.cameBack.length > 0) {
    lines.push('', 'Came back (declined before, planned again):');
    for (const back of diff.cameBack) lines.push(`  "${safe(back.request)}" is ${safe(back.key, 40)} now`);
  }
  return lines.join('\n');
}
