/** `health`: the cascade at a glance and the review queue (flagged rows, orphans, resurfaced). */
import { cascadeHealth } from '../../core/health';
import type { WorkbookPort } from '../port';
import { noInput } from '../schemas';
import { load } from '../workbook';

export const health = {
  name: 'health' as const,
  input: noInput,
  run(port: WorkbookPort) {
    const { cascade, warnings } = load(port);
    return cascadeHealth(cascade, warnings);
  },
};
