import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { root } from './helpers/run-script.js'

it('npm start without a WeChat account answers a typed request and a typed 接, then stops cleanly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aixin-start-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, REDIS_URL: '', WECHATY_PUPPET: '', OUTBOUND_INTERVAL_MS: '10', LOG_LEVEL: 'warn' },
  })
  let out = ''
  const waiters: { text: string; resolve: () => void }[] = []
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk
    for (const w of [...waiters]) if (out.includes(w.text)) (waiters.splice(waiters.indexOf(w), 1), w.resolve())
  })
  let err = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const shows = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.includes(text)) return resolve()
      const timer = setTimeout(() => reject(new Error(`never showed ${text}:\n${out}\n${err}`)), 20_000)
      waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) })
    })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  try {
    await shows('本地模拟社区')
    child.stdin.write('家里老人发烧38.6度，有没有退烧药？3栋2单元\n')
    await shows('新工单#1')
    expect(out).toContain('【幸福里3网格群】')
    expect(out).toContain('@张阿姨 已收到您的求助（3栋），工单#1')
    child.stdin.write('/as 李志愿者 接 1\n')
    await shows('@张阿姨 工单#1已由值班送药志愿者李志愿者接单')
    child.stdin.end()
    expect(await exited).toBe(0)
  } finally {
    child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)

it('npm start stops in order on SIGTERM and leaves no redis-server running', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aixin-start-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, REDIS_URL: '', WECHATY_PUPPET: '', LOG_LEVEL: 'warn' },
  })
  try {
    await new Promise<void>((ready) => child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('本地模拟社区') && ready()))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    // The private redis-server was stopped: its socket no longer answers.
    const { connect } = await import('node:net')
    const answered = await new Promise<boolean>((answer) => {
      const probe = connect(join(dir, 'redis', 'redis.sock'))
      probe.once('connect', () => (probe.destroy(), answer(true)))
      probe.once('error', () => answer(false))
    })
    expect(answered).toBe(false)
  } finally {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
