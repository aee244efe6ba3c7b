/** Opening the SQLite database: pragmas chosen for a test double that must survive kill -9. */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations.js'

export type Db = Database.Database

/**
 * WAL + synchronous=NORMAL: a committed transaction is in the WAL file before the answer is sent, so a
 * killed process loses nothing; only an OS crash or power loss can drop the last transactions.
 */
export function openDatabase (file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
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
