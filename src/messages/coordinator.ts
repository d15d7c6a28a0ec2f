import { formatClockTime } from '../clock.js'
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

export function emergencyAlert(
  ticket: Ticket,
  handler: Handler,
  roomTopic: string | null,
  building: string | undefined,
  ownerName: string | null,
): string {
  const where = [roomTopic, building].filter(Boolean).join(' ')
  const owner = ownerName ? `已派给${ownerName}并通知全体在班人员` : '没有合适的在班人员，已通知全体在班人员，请立即安排'
  return `🚨 紧急求助 工单#${ticket.no}【${handler.label}】${where ? `（${where}）` : ''}：已提醒居民拨打120，${owner}。`
}

export function handedBackTwice(ticket: Ticket, handler: Handler, reasons: readonly string[]): string {
  return (
    `⚠️ 工单#${ticket.no}【${handler.label}】已被转出${reasons.length}次（${redactForGroup(reasons.join('；'))}），请协调员决定由谁处理。` +
    `成员可私信“接 ${ticket.no}”接单。`
  )
}

export const backOnline = (since: string) =>
  `爱心专班机器人已重新登录（${since}起曾掉线）。掉线期间群里的求助请协调员翻看一下，必要时让居民重发。`

function summary(ticket: Ticket, handler: Handler, roomTopic: string | null, building: string | undefined): string {
  const where = [roomTopic, building].filter(Boolean).join(' ')
  return `工单#${ticket.no}【${handler.label}·${URGENCY_LABEL[ticket.urgency]}】${where ? `（${where}）` : ''}${formatClockTime(ticket.createdAt)}受理`
}

/** The chase ran out before anyone accepted: a coordinator must act. */
export function notAccepted(ticket: Ticket, handler: Handler, roomTopic: string | null, building: string | undefined, sentTo: readonly string[]): string {
  return (
    `⚠️ ${summary(ticket, handler, roomTopic, building)}，已派给${sentTo.join('→')}并提醒，仍无人接单，请协调员安排。` +
    `派单：派 ${ticket.no} 姓名 · 成员可私信“接 ${ticket.no}”接单`
  )
}

/** Accepted, but past its deadline and a reminder. */
export function overdue(ticket: Ticket, handler: Handler, roomTopic: string | null, building: string | undefined, ownerName: string): string {
  const due = handler.deadlines.resolveMeans === 'plan' ? '给出处理方案' : '办结'
  return `⏰ ${summary(ticket, handler, roomTopic, building)}，${ownerName}已接单但超过${due}时限，提醒后仍未办结，请协调员跟进。`
}

/** Shift handover found nobody in the incoming shift for these: they stay with the outgoing member. */
export function handoverStuck(items: readonly { no: number; label: string; ownerName: string }[]): string {
  return `交接班：下一班没有合适人员接手${items.map((i) => `#${i.no}（${i.label}，仍由${i.ownerName}负责）`).join('、')}，请协调员安排。`
}
