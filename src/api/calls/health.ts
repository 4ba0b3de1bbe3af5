/** `health`: the cascade at a glance and the review queue (flagged rows, orphans, resurfaced). */
import { cascadeHealth } from '../../core/health';
import { defineCall } from '../define-call';
import { noInput } from '../schemas';
import { load } from '../workbook';

export const health = defineCall({
  name: 'health',
  input: noInput,
  run(port) {
    const { cascade, warnings } = load(port);
    return cascadeHealth(cascade, warnings);
  },
});
