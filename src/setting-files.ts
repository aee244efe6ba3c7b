/** Files named by settings (keys, certificates): read and written with a ConfigError naming the setting when that fails. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { ConfigError } from './config.js'

/** The text of the file a setting names; ConfigError(setting) when it cannot be read. */
export function readSettingFile (setting: string, path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError(setting, `cannot read '${path}' (${errorCode(error)})`)
  }
}

/** Write `text` to the file a setting names, creating its folder; ConfigError(setting) when that fails. */
export function writeSettingFile (setting: string, path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  } catch (error) {
    throw new ConfigError(setting, `cannot write '${path}' (${errorCode(error)})`)
  }
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
