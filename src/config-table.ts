/** The README's configuration table, rendered from SETTINGS so the two cannot drift (a test compares them). */
import { ConfigSchema, SETTINGS } from './config.js'

const cell = (text: string): string => text.replace(/\|/g, '\\|')

function defaultOf (key: keyof typeof ConfigSchema.properties): string {
  const value: unknown = (ConfigSchema.properties[key] as { default?: unknown }).default
  return value === undefined ? '' : `\`${String(value)}\``
}

export function renderSettingsTable (): string {
  const rows = SETTINGS.map(s => `| \`${s.env}\` | \`${s.flag}\` | ${defaultOf(s.key)} | ${cell(s.help)} |`)
  return ['| Environment | Flag | Default | What it does |', '|---|---|---|---|', ...rows].join('\n')
}
