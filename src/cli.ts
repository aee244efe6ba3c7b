#!/usr/bin/env node
/** The `graph-mock` command: flags with the same names as the environment variables, folded over them. */
import { SETTINGS } from './config.js'

const HELP = `graph-mock — a local, stateful Microsoft Graph industryData (School Data Sync) emulator

Usage: graph-mock [options]

Every option can also be set with the environment variable shown; flags win.
${SETTINGS.map(s => `  ${(s.boolean === true ? s.flag : `${s.flag} <value>`).padEnd(26)} ${s.env.padEnd(26)} ${s.help}`).join('\n')}
  ${'--help'.padEnd(26)} ${''.padEnd(26)} Show this help.

Graph API: http://HOST:PORT/beta/external/industryData/...  Control plane: http://HOST:PORT/_mock/...
`

/** argv → environment-style names; exits 2 on an unknown flag or a missing value. */
export function parseArgs (argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(HELP)
      process.exit(0)
    }
    const [flag = '', inline] = arg.split(/=(.*)/s, 2)
    const setting = SETTINGS.find(s => s.flag === flag || `--${s.env}` === flag)
    if (setting === undefined) fail(`graph-mock: unknown option '${arg}' (see --help)`)
    // A boolean flag alone means true (`--tls`); `--tls=false` turns it off.
    const value = inline ?? (setting.boolean === true ? 'true' : argv[++i])
    if (value === undefined) fail(`graph-mock: invalid setting ${setting.env}: ${flag} needs a value`)
    out[setting.env] = value
  }
  return out
}

function fail (line: string): never {
  process.stderr.write(`${line}\n`)
  process.exit(2)
}

const env = { ...process.env, ...parseArgs(process.argv.slice(2)) }
// Loaded after the arguments are read, so --help and bad flags answer without loading the server.
const { main } = await import('./server.js')
await main(env)
