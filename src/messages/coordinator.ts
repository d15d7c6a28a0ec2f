import { redactForGroup } from '../privacy/mask.js'
import type { Handler } from '../recognise/handler.js'
import type { Ticket } from '../tickets/types.js'
import { SKILL_LABEL, URGENCY_LABEL } from './labels.js'

/** What the coordinators' group hears. */

export function nobodyFits(ticket: Ticket, handler: Handler, roomTopic: string | null, building: string | undefined): string {
  const where = [roomTopic, building].filter(Boolean).join(' ')
  return (
    `⚠️ 工单#${ticket.no}【${handler.label}·${URGENCY_LABEL[ticket.urgency]}】${where ? `（${where}）` : ''}没有在班的${SKILL_LABEL[handler.skill]}可派，` +
    `请安排人员。成员可私信“接 ${ticket.no}”接单。`
  )
}

export function emergencyAlert(ticket: Ticket, handler: Handler, roomTopic: string | null, building: string | undefined): string {
  const where = [roomTopic, building].filter(Boolean).join(' ')
  return `🚨 紧急求助 工单#${ticket.no}【${handler.label}】${where ? `（${where}）` : ''}：已提醒居民拨打120，请关注。`
}

export function handedBackTwice(ticket: Ticket, handler: Handler, reasons: readonly string[]): string {
  return (
    `⚠️ 工单#${ticket.no}【${handler.label}】已被转出${reasons.length}次（${redactForGroup(reasons.join('；'))}），请协调员决定由谁处理。` +
    `成员可私信“接 ${ticket.no}”接单。`
  )
}

export const backOnline = (since: string) =>
  `爱心专班机器人已重新登录（${since}起曾掉线）。掉线期间群里的求助请协调员翻看一下，必要时让居民重发。`
