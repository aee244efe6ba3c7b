/** Opening the SQLite database: pragmas chosen for a test double that must survive kill -9. */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations.js'

export type Db = Database.Database

/**
 * WAL + synchronous=NORMAL: a committed transaction is in the WAL file before the answer is sent, so a
 * killed process loses nothing; only an OS crash or power loss can drop the last transactions.
 *
 * locking_mode=EXCLUSIVE, set before the first access: the server keeps state beside the file (seeded tenants,
 * the clock's last timestamp), so one process owns a database file. The lock is taken at open and held, a
 * second server on the same file stops at once with a clear message, and SQLite then needs no shared-memory
 * index and no file-lock calls per transaction (eight fewer system calls per PATCH).
 */
export function openDatabase (file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('locking_mode = EXCLUSIVE')
  try {
    db.pragma('journal_mode = WAL')
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new Error('the database file is in use by another graph-mock process (SQLITE_BUSY); give each server its own file')
    throw error
  }
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db, MIGRATIONS)
  return db
}

/** Forward-only migrations counted by user_version, one transaction each. */
export function migrate (db: Db, migrations: readonly string[]): void {
  const applied = db.pragma('user_version', { simple: true }) as number
  if (applied > migrations.length) {
    throw new Error(`the database is at schema version ${applied}, newer than this graph-mock (${migrations.length})`)
  }
  migrations.slice(applied).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${applied + i + 1}`)
    })()
  })
}
