'use strict';
// internal/cli_table: the box-drawing table console.table() prints.
// table(head, columns): head is the list of column titles, columns[i] the
// (possibly sparse) list of cell strings of column i.  Cells are left-aligned
// in their column (Node 20's layout); widths are terminal columns
// (getStringWidth), so wide characters and colors line up.

const { getStringWidth } = require('internal/util/inspect');

const tableChars = {
  middleMiddle: '─',
  rowMiddle: '┼',
  topRight: '┐',
  topLeft: '┌',
  leftMiddle: '├',
  topMiddle: '┬',
  bottomRight: '┘',
  bottomLeft: '└',
  bottomMiddle: '┴',
  rightMiddle: '┤',
  left: '│ ',
  right: ' │',
  middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const len = getStringWidth(cell);
    const needed = columnWidths[i] - len;
    out += cell + ' '.repeat(Math.ceil(needed));
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

function table(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));

  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] =
        Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      const width = columnWidths[i] || 0;
      const counted = getStringWidth(value);
      columnWidths[i] = Math.max(width, counted);
    }
  }

  const divider = columnWidths.map((i) => tableChars.middleMiddle.repeat(i + 2));

  let result = tableChars.topLeft + divider.join(tableChars.topMiddle) +
    tableChars.topRight + '\n' +
    renderRow(head, columnWidths) + '\n' +
    tableChars.leftMiddle + divider.join(tableChars.rowMiddle) +
    tableChars.rightMiddle + '\n';

  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;

  result += tableChars.bottomLeft + divider.join(tableChars.bottomMiddle) +
    tableChars.bottomRight;
  return result;
}

module.exports = table;
