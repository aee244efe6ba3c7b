/** Edm.Date: `yyyy-mm-dd`, years 0001 to 9999, the calendar checked field by field (no rolling 02-30 into March). */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isEdmDate (text: string): boolean {
  const m = DATE.exec(text)
  if (m === null) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (year < 1 || month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  return day <= days
}
