/** Today on this machine's calendar, as YYYY-MM-DD: the local tools' stand-in for the spreadsheet's date. */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
