/**
 * Writes the bundled example workbook, examples/tesla.xlsx, from the readable data in
 * examples/tesla.ts, with the snapshot tab of the plan as it was agreed earlier
 * (scripts/tesla-earlier.ts). Run with `npm run example` after changing that data.
 */

import { TESLA } from '../examples/tesla';
import { writeSnapshotXlsx } from '../src/local/xlsx-write';
import { earlierSnapshotTab } from './tesla-earlier';

const target = process.argv[2] ?? 'examples/tesla.xlsx';
await writeSnapshotXlsx({ sheets: [...TESLA.sheets, earlierSnapshotTab(TESLA)] }, target);
console.log(`wrote ${target}`);
