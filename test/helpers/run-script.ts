import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

/** Runs one of our scripts as a user would: stdin in, stdout lines and stderr out. */
export function runScript(
  script: string,
  input: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ lines: string[]; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env } })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ lines: out.split('\n').filter((l) => l.length > 0), stderr: err, code }))
    child.stdin.end(input)
  })
}
