/**
 * Forward-only schema migrations, applied in order and counted by PRAGMA user_version.
 * Never edit a shipped entry: append a new one. Columns hold what is filtered or sorted on;
 * `body` holds the canonical Graph JSON of the entity.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tenants (
    id TEXT NOT NULL PRIMARY KEY,
    seeded_at TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE flow_sets (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant TEXT NOT NULL,
    id TEXT NOT NULL COLLATE NOCASE,
    display_name TEXT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (tenant, id)
  );

  CREATE TABLE flows (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant TEXT NOT NULL,
    set_id TEXT NOT NULL COLLATE NOCASE,
    id TEXT NOT NULL COLLATE NOCASE,
    type TEXT NOT NULL,
    readiness TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (tenant, id),
    UNIQUE (tenant, set_id, type),
    FOREIGN KEY (tenant, set_id) REFERENCES flow_sets (tenant, id) ON DELETE CASCADE
  );
  CREATE INDEX flows_by_set ON flows (tenant, set_id, seq);
  CREATE INDEX flows_by_type_age ON flows (tenant, type, created, id);

  CREATE TABLE role_groups (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant TEXT NOT NULL,
    id TEXT NOT NULL COLLATE NOCASE,
    display_name TEXT,
    body TEXT NOT NULL,
    UNIQUE (tenant, id)
  );
  `,
  `
  CREATE TABLE entities (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant TEXT NOT NULL,
    collection TEXT NOT NULL,
    id TEXT NOT NULL COLLATE NOCASE,
    type TEXT NOT NULL,
    display_name TEXT,
    body TEXT NOT NULL,
    UNIQUE (tenant, collection, id)
  );
  `
]
