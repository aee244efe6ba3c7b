// Plain-text tables for the bench's console output.

export const fmt = (value, digits = 2) => value === undefined || value === null || Number.isNaN(value) ? 'n/a' : Number(value).toFixed(digits)
export const int = value => value === undefined || value === null || Number.isNaN(value) ? 'n/a' : Math.round(value).toLocaleString('en-US')

/** A boxed table: `rows` are arrays of cells; numeric-looking cells are right-aligned. */
export function table (header, rows) {
  const all = [header, ...rows].map(row => row.map(cell => String(cell)))
  const widths = header.map((_, i) => Math.max(...all.map(row => (row[i] ?? '').length)))
  const numeric = /^[-+]?[\d,.]+( ?(ms|MB|×|%))?$|^n\/a$/
  const line = row => '| ' + row.map((cell, i) => numeric.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])).join(' | ') + ' |'
  const rule = '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|'
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n')
}

export const verdict = ok => ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS'
