/**
 * RFC 4180 CSV that opens cleanly in a spreadsheet. A cell that a spreadsheet would read as a formula
 * (starting = + - @, or a tab or carriage return) gets a leading apostrophe, so an idea's title can
 * never run code on a leader's machine.
 */
export const csvCell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvRow = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
