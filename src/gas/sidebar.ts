/** Opens the sidebar, built from sidebar/ into sidebar.html beside the script. */

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Ladder');
  SpreadsheetApp.getUi().showSidebar(html);
}
