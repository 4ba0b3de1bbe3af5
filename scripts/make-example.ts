/**
 * Writes the bundled example workbook, examples/tesla.xlsx, from the readable data in
 * examples/tesla.ts. Run with `npm run example` after changing that data.
 */

import { TESLA } from '../examples/tesla';
import { writeSnapshotXlsx } from '../src/local/xlsx-write';

const target = process.argv[2] ?? 'examples/tesla.xlsx';
await writeSnapshotXlsx(TESLA, target);
console.log(`wrote ${target}`);
