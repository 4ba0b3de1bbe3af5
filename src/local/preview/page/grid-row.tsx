/**
 * One row of the preview's grid: its number, its cells (a header row's as column headers, a
 * lone title or note running on into the empty cells, as in Sheets), then Ladder's own
 * columns: the flags, and on a traced tab the TRACE and IMPACT.
 */
import type { GridTab } from '../grid';

type GridRowData = GridTab['rows'][number];

const NUMBER = /^-?\d[\d.,]*$/;

/** A cell's text, cut to a few lines so a long trace does not make every row a paragraph; the current row shows it whole (CSS). */
function Clipped({ text }: { text: string }) {
  return text === '' ? null : <div class="clip">{text}</div>;
}

/** A title or note row (one cell, not a row Ladder reads) runs on into the empty cells, as in Sheets, instead of widening its column. */
const spillsOf = (row: GridRowData, header: boolean) => !header && !row.item && row.cells.filter((cell) => cell !== '').length === 1;

/** The row's own cells; a cell's key is its column: the cells of a row are its columns in order. */
function Cells({ row, header, spills }: { row: GridRowData; header: boolean; spills: boolean }) {
  return (
    <>
      {row.cells.map((cell, at) => {
        const column = `column-${at}`;
        return header ? (
          <th key={column} scope="col">
            {cell}
          </th>
        ) : spills ? (
          <td key={column}>{cell && <div class="spill">{cell}</div>}</td>
        ) : (
          <td key={column}>
            <Clipped text={cell} />
          </td>
        );
      })}
    </>
  );
}

/** A column Ladder adds, as its header on the header row. */
const LadderHeader = ({ name }: { name: string }) => (
  <th scope="col" class="ladder">
    {name}
  </th>
);

/** Ladder's own columns follow the row's, the flags first: they are what a PM looks for. Flags are never clipped. */
function LadderCells({ row, header, flags, traced }: { row: GridRowData; header: boolean; flags: boolean; traced: boolean }) {
  return (
    <>
      {flags && (header ? <LadderHeader name="Flags" /> : <td class="flags">{row.flags}</td>)}
      {traced &&
        (header ? (
          <LadderHeader name="TRACE" />
        ) : (
          <td class="trace">
            <Clipped text={row.trace ?? ''} />
          </td>
        ))}
      {traced &&
        (header ? (
          <LadderHeader name="IMPACT" />
        ) : (
          <td class={NUMBER.test(row.impact ?? '') ? 'impact number' : 'impact'}>{row.impact ?? ''}</td>
        ))}
    </>
  );
}

interface Props {
  row: GridRowData;
  tab: GridTab;
  /** Where the keyboard is on this tab (aria-current), and the row the sidebar was told of (selected). */
  isCurrent: boolean;
  selected: boolean;
  /** The grid's one tab stop: this row, when it is the current row or (with none) the first Ladder reads. */
  tabStop: boolean;
  flags: boolean;
  onPick(row: number): void;
  onCurrent(row: number): void;
}

export function GridRow({ row, tab, isCurrent, selected, tabStop, flags, onPick, onCurrent }: Props) {
  const header = row.row === tab.headerRow;
  const spills = spillsOf(row, header);
  const classes = [
    header ? 'header' : '',
    row.flags ? 'flagged' : '',
    selected ? 'selected' : '',
    isCurrent ? 'current' : '',
    row.item ? 'item' : '',
    spills ? 'spills' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      class={classes || undefined}
      data-row={row.row}
      tabIndex={row.item ? (tabStop ? 0 : -1) : undefined}
      aria-current={isCurrent ? 'true' : undefined}
      onFocus={() => row.item && !isCurrent && onCurrent(row.row)}
      onClick={() => row.item && onPick(row.row)}
    >
      <th scope="row">{row.row}</th>
      <Cells row={row} header={header} spills={spills} />
      <LadderCells row={row} header={header} flags={flags} traced={tab.traced} />
    </tr>
  );
}
