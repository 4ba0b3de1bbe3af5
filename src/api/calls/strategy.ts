/**
 * `strategy`: the one-pager: the mission and the vision, pillars and anti-priorities with
 * their why and the goals under each, where the roadmap's effort goes (core/effort.ts), and
 * how far each pillar and goal has come (core/progress-view.ts).
 */
import type { Cascade } from '../../core/cascade';
import { goalPicker } from '../../core/goal-picker';
import type { LayerCode } from '../../core/layers';
import { strategyProgress } from '../../core/progress-view';
import { clip } from '../../core/text';
import { defineCall } from '../define-call';
import { noInput } from '../schemas';
import { load } from '../workbook';

/** The statements of one layer (a workbook may have none, or several). */
function statements(cascade: Cascade, layer: LayerCode) {
  return cascade.items
    .filter((item) => item.layer === layer)
    .map((item) => ({ key: item.key, title: clip(item.title || item.key, 500), why: clip(item.why, 500) }));
}

export const strategy = defineCall({
  name: 'strategy',
  input: noInput,
  run(port) {
    const { cascade, warnings } = load(port);
    return {
      mission: statements(cascade, 'mission'),
      vision: statements(cascade, 'vision'),
      ...goalPicker(cascade),
      checks: cascade.strategy.flags.map((flag) => flag.message),
      effort: cascade.effortMix(),
      progress: strategyProgress(cascade),
      investment: cascade.investment(),
      warnings,
    };
  },
});
