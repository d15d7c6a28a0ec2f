import type { Handler, Skill } from '../recognise/handler.js'
import type { Urgency } from '../recognise/types.js'
import type { Ticket, TicketEvent, TicketState } from '../tickets/types.js'

/** Who a resident is told will help, by the skill the ticket needs. */
export const SKILL_LABEL: Record<Skill, string> = {
  doctor: '家庭医生',
  delivery: '送药志愿者',
  water: '水电维修人员',
  power: '电工',
  police: '社区民警',
  general: '专班成员',
}

/** An emergency that is talk of self-harm, named for staff instead of its category. */
const SELF_HARM_LABEL = '轻生风险'

/** What staff call a ticket: its category, or 轻生风险 when someone must be kept safe. */
export function staffLabel(ticket: Ticket, handler: Handler): string {
  return ticket.selfHarm ? SELF_HARM_LABEL : handler.label
}

export const URGENCY_LABEL: Record<Urgency, string> = { emergency: '紧急', urgent: '加急', normal: '一般' }

export const STATE_LABEL: Record<TicketState, string> = {
  new: '待派单',
  assigned: '已派单，等待接单',
  accepted: '处理中',
  resolved: '已办结',
  rated: '已办结并评价',
  escalated: '已上报协调员',
  cancelled: '已取消',
  merged: '已合并',
}

/** A ticket's story: the steps people read (进度, a low rating's report), each with its event. */
export function storyOf(events: readonly TicketEvent[], nameOf: (id: string) => string): { at: number; what: string; event: TicketEvent }[] {
  return events.flatMap((event) => {
    const what = describeEvent(event, nameOf)
    return what === null ? [] : [{ at: event.at, what, event }]
  })
}

/** One step of a ticket's story as a resident or coordinator reads it in 进度 and 待办. */
export function describeEvent(event: TicketEvent, nameOf: (id: string) => string): string | null {
  const to = event.to ? nameOf(event.to) : ''
  switch (event.type) {
    case 'created':
      return '受理'
    case 'assigned':
      return `派给${to}`
    case 'reassigned':
      return `转派给${to}`
    case 'reminded':
      return event.note === 'resolve' ? `提醒${to}尽快办结` : event.note === 'rating' ? '提醒评价' : `提醒${to}接单`
    case 'accepted':
      return `${event.by ? nameOf(event.by) : ''}已接单`
    case 'handed-back':
      return `${event.by ? nameOf(event.by) : ''}转出`
    case 'escalated':
      return event.note === 'overdue' ? '超时，已报告协调员' : '已上报协调员'
    case 'unassigned':
      return '暂无在班人员，已报告协调员'
    case 'paged':
      return '紧急通知全体在班人员'
    case 'resolved':
      return '已办结'
    case 'rated':
      return `评价${event.note ?? ''}分`
    case 'cancelled':
      return '已取消'
    case 'merged':
      return '已合并'
    case 'reopened':
      return '重新办理'
    case 'attachment':
      return null
  }
}

/** A duration as people say it: 8分钟, 2小时5分, 3天2小时. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return `${minutes}分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? `${hours}小时${minutes % 60}分` : `${hours}小时`
  return hours % 24 ? `${Math.floor(hours / 24)}天${hours % 24}小时` : `${Math.floor(hours / 24)}天`
}
