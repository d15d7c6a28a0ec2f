import { formatClockTime } from '../clock.js'
import { redactForGroup } from '../privacy/mask.js'
import type { Handler } from '../recognise/handler.js'
import type { Ticket } from '../tickets/types.js'
import { formatDuration, SKILL_LABEL, staffLabel, STATE_LABEL, URGENCY_LABEL } from './labels.js'
import type { Member } from '../roster/types.js'

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
  return `🚨 紧急求助 工单#${ticket.no}【${staffLabel(ticket, handler)}】${where ? `（${where}）` : ''}：已提醒居民拨打120，${owner}。`
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

export const coordinatorOnly = '抱歉，这条指令只有协调员可以用。'
export const coordinatorHelp =
  '协调员指令：\n待办 — 未办结和超时工单\n派 12 张三 — 指派（姓名或编号）\n排班 — 现在和下一班在班人员\n关闭 12 原因 — 关闭工单\n重办 12 — 差评工单重新办理\n日报 / 日报 2026-11-21 — 当日或某日日报'

/** One open ticket in 待办. */
export interface PendingItem {
  readonly ticket: Ticket
  readonly label: string
  readonly roomTopic: string | null
  readonly ownerName: string | null
  readonly ageMs: number
  readonly overdue: boolean
}

/** 待办: overdue first, oldest first; a long list is cut with a count, so it stays one readable message. */
export function pendingList(items: readonly PendingItem[], limit = 20): string {
  if (items.length === 0) return '现在没有未办结的工单。'
  const overdue = items.filter((i) => i.overdue).length
  const sorted = [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.ageMs - a.ageMs)
  const lines = sorted.slice(0, limit).map(
    (i) =>
      `${i.overdue ? '⚠️' : '·'}#${i.ticket.no} ${i.label}·${URGENCY_LABEL[i.ticket.urgency]}${i.roomTopic ? ` ${i.roomTopic}` : ''} ` +
      `${STATE_LABEL[i.ticket.state]} ${i.ownerName ?? '无人负责'} 已${formatDuration(i.ageMs)}`,
  )
  const more = items.length > limit ? [`……另有${items.length - limit}个，未列出`] : []
  return [`未办结工单${items.length}个，其中超时${overdue}个：`, ...lines, ...more].join('\n')
}

/** 排班: who is on now and who will be after the next change. */
export function rosterReport(shiftNow: string, until: string, now: readonly Member[], next: readonly Member[], nextShift: string): string {
  const names = (members: readonly Member[]) =>
    members.length ? members.map((m) => `${m.name}（${m.skills.map((s) => SKILL_LABEL[s]).join('/')}）`).join('、') : '无人在班'
  return [`现在${shiftNow}（到${until}）在班：${names(now)}`, `下一班${nextShift}（${until}起）：${names(next)}`].join('\n')
}

export const assignUsage = '用法：派 12 张三（姓名或成员编号）'
export const closeUsage = '用法：关闭 12 原因'
export const memberNotFound = (target: string) => `名单里没有“${target}”，请核对姓名，或发：排班 查看在班人员。`
export const memberAmbiguous = (target: string, ids: readonly string[]) => `名单里有${ids.length}个“${target}”，请用编号：${ids.join('、')}`
export const assignedReply = (no: number, name: string, onDuty: boolean) => `已把工单#${no}派给${name}${onDuty ? '' : '（此人现在不在班）'}。`
export const alreadyWith = (no: number, name: string) => `工单#${no}已经是${name}负责。`
export const closedReply = (no: number) => `已关闭工单#${no}。`
export const notOpen = (no: number, state: Ticket['state']) => `工单#${no}${STATE_LABEL[state]}，不能再派或关闭。`

/** A rating of 1–2: the ticket's story, so a coordinator can judge, and how to have it redone. */
export function lowRating(ticket: Ticket, handler: Handler, roomTopic: string | null, rating: number, story: readonly string[]): string {
  return [
    `👎 工单#${ticket.no}【${handler.label}】${roomTopic ? `（${roomTopic}）` : ''}居民评价${rating}分：`,
    ...story,
    `需要重新办理请发：重办 ${ticket.no}`,
  ].join('\n')
}
export const reopenedReply = (no: number) => `已重新办理工单#${no}，会重新派单。`
export const notReopenable = (no: number, state: Ticket['state']) => `工单#${no}${STATE_LABEL[state]}，只有已办结的工单可以重办。`
export const reopenUsage = '用法：重办 12'
export const digestUsage = '用法：日报（今天）、日报 昨天、日报 2026-11-21'
