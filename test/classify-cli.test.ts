import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Runs scripts/classify.ts as a user would, feeding stdin and collecting stdout lines. */
function classify(input: string, args: string[] = []): Promise<{ lines: string[]; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/classify.ts', ...args], { cwd: root })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ lines: out.split('\n').filter((l) => l.length > 0), code }))
    child.stdin.end(input)
  })
}

describe('scripts/classify.ts', () => {
  it('answers every line, in order, bad lines included, and exits 0', async () => {
    const huge = JSON.stringify({ id: 'huge', text: '水压太小'.repeat(250_000) })
    const input = [
      JSON.stringify({ id: 'm17', text: '家里老人发烧38.6度，有没有退烧药？3栋2单元', extra: 'ignored' }),
      'not json at all',
      JSON.stringify({ id: 'm18', text: '谢谢王医生，已经退烧了' }),
      '{"id":"m19"}',
      '',
      huge,
      '\u0000\u0001garbage\uffff',
      JSON.stringify({ id: 'm20', text: '我家有多余的布洛芬，谁需要私聊我' }),
    ].join('\n')
    const { lines, code } = await classify(input + '\n')
    expect(code).toBe(0)
    const answers = lines.map((l) => JSON.parse(l))
    expect(answers.map((a) => a.id)).toEqual(['m17', null, 'm18', 'm19', null, 'huge', null, 'm20'])
    expect(answers[0]).toEqual({
      id: 'm17', kind: 'request', category: 'medicine', urgency: 'urgent',
      fields: { temperatureC: 38.6, location: '3栋2单元', medicines: ['退烧药'] },
    })
    expect(answers[1].error).toMatch(/JSON/)
    expect(answers[2]).toEqual({ id: 'm18', kind: 'none', category: null, urgency: null, fields: {} })
    expect(answers[3].error).toMatch(/text/)
    expect(answers[5].kind).toBe('request')
    expect(answers[7].kind).toBe('offer')
  }, 30_000)

  it('--explain adds the evidence', async () => {
    const { lines } = await classify(JSON.stringify({ id: 'x', text: '阳了要不要吃药' }) + '\n', ['--explain'])
    const answer = JSON.parse(lines[0]!)
    expect(answer.evidence).toContainEqual(expect.objectContaining({ rule: 'ask:fever', text: '要不要吃药' }))
  }, 30_000)
})
