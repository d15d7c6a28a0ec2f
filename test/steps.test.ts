import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { handlers } from '../handlers/index.js'
import type { InboundMessage } from '../src/chat/inbound-message.js'
import { createClock } from '../src/clock.js'
import { createCore, runWork, type Core } from '../src/core.js'
import { openDatabase } from '../src/db/open-database.js'
import { dispatchTicket } from '../src/dispatch/dispatch-ticket.js'
import { createInboundHandler } from '../src/intake/handle-inbound.js'
import { createLogger } from '../src/log.js'
import { findPendingWork } from '../src/reconcile.js'
import { MEMBERS, ROOM, ROOMS } from './helpers/test-bot.js'

let dir: string
let core: Core
let handleInbound: ReturnType<typeof createInboundHandler>
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aixin-steps-'))
  core = createCore(openDatabase(join(dir, 'record.sqlite')), createClock(), handlers)
  core.roster.replace(MEMBERS, ROOMS)
  handleInbound = createInboundHandler(core)
})
afterEach(() => {
  core.db.close()
  rmSync(dir, { recursive: true, force: true })
})

const message = (overrides: Partial<InboundMessage> = {}): InboundMessage => ({
  id: 'wx-1', roomId: ROOM, fromId: 'c-r1', fromName: '张阿姨', type: 'text',
  text: '家里老人发烧38.6度，有没有退烧药？3栋2单元', at: Date.now(), ...overrides,
})

describe('steps run twice (a replayed message, a retried job)', () => {
  it('a message handled twice makes one ticket and queues one dispatch', () => {
    const first = runWork(core, 'in-1', (w) => handleInbound(w, message()))
    const again = runWork(core, 'in-1', (w) => handleInbound(w, message()))
    expect(first.result).toBe('ticket')
    expect(first.effects.dispatches).toEqual([{ ticketNo: 1, attempt: 1 }])
    expect(again.result).toBe('ticket')
    expect(again.effects.dispatches).toEqual([])
    expect(core.tickets.all()).toHaveLength(1)
  })

  it('a dispatch job run twice sends the assignment DM once', () => {
    runWork(core, 'in-1', (w) => handleInbound(w, message()))
    const first = runWork(core, 'dispatch-1-1', (w) => dispatchTicket(core, w, { ticketNo: 1, attempt: 1 }))
    const again = runWork(core, 'dispatch-1-1', (w) => dispatchTicket(core, w, { ticketNo: 1, attempt: 1 }))
    expect(first.effects.outboxIds).toHaveLength(2)
    expect(again.effects.outboxIds).toEqual([])
    const dms = core.outbox.pending().filter((m) => 'contact' in m.to)
    expect(dms).toHaveLength(1)
    expect(core.tickets.events(1).filter((e) => e.type === 'assigned')).toHaveLength(1)
  })

  it('a step that throws leaves no ticket and no message behind', () => {
    expect(() =>
      runWork(core, 'in-1', (w) => {
        handleInbound(w, message())
        throw new Error('crash mid-step')
      }),
    ).toThrow('crash mid-step')
    expect(core.tickets.all()).toEqual([])
    expect(core.outbox.pending()).toEqual([])
    // The message was not marked seen either: its retry does the work.
    expect(runWork(core, 'in-1', (w) => handleInbound(w, message())).result).toBe('ticket')
  })
})

describe('the reconciler', () => {
  it('finds a dispatch that was asked for but never ran, whatever asked for it', () => {
    runWork(core, 'in-1', (w) => handleInbound(w, message()))
    expect(findPendingWork(core).dispatches).toEqual([{ ticketNo: 1, attempt: 1 }])
    runWork(core, 'dispatch-1-1', (w) => dispatchTicket(core, w, { ticketNo: 1, attempt: 1 }))
    expect(findPendingWork(core).dispatches).toEqual([])
    // A hand-back asks for the next attempt; if its job is lost, the record still says so.
    runWork(core, 'in-2', (w) => handleInbound(w, message({ id: 'wx-2', roomId: null, fromId: 'c-li', fromName: '李志愿者', text: '转 1 走不开' })))
    expect(findPendingWork(core).dispatches).toEqual([{ ticketNo: 1, attempt: 2 }])
  })

  it('leaves out messages younger than the cut-off', () => {
    runWork(core, 'in-1', (w) => handleInbound(w, message()))
    runWork(core, 'dispatch-1-1', (w) => dispatchTicket(core, w, { ticketNo: 1, attempt: 1 }))
    expect(findPendingWork(core).outbox).toHaveLength(2)
    expect(findPendingWork(core, Date.now() - 60_000).outbox).toEqual([])
  })
})

describe('logs', () => {
  it('mask phone and ID numbers in every line', () => {
    const lines: string[] = []
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) })
    const log = createLogger('info', 'test', sink)
    log.info({ text: '我电话13812345678，身份证110101199003071234' }, '居民 139-1234-5678 来电')
    expect(lines.join('')).not.toMatch(/13812345678|1234-5678|199003071234/)
    expect(lines.join('')).toContain('138****5678')
  })
})
