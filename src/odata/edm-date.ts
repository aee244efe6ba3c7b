/** Edm.Date: `yyyy-mm-dd`, years 0001 to 9999, the calendar checked field by field (no rolling 02-30 into March). */
import { daysInMonth } from './date-time-offset.js'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isEdmDate (text: string): boolean {
  const m = DATE.exec(text)
  if (m === null) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}
