import { formatClockTime } from '../clock.js'
import { redactForGroup } from '../privacy/mask.js'
import type { Handler } from '../recognise/handler.js'
import type { Ticket } from '../tickets/types.js'
import { SKILL_LABEL, STATE_LABEL } from './labels.js'

/** Everything the bot says to residents, in the group or by direct message. */

const CALL_120 = '⚠️ 情况危急请立即拨打120！等待期间保持电话畅通，有人陪护。'

// Talk of self-harm, from the person or about them: no category's advice (a gas leak, a dose) but
// safety first, company, and the national mental-health line (12356, 24 hours).
const CRISIS_FIRST = '⚠️ 如果已经吃了药、伤了自己或有危险，请立即拨打120（或110）！'
const CRISIS_ADVICE =
  '我们很在乎您，您不是一个人。想说说话可以随时拨打心理援助热线12356（24小时）。' +
  '家人和邻居请马上陪在他/她身边，不要让他/她一个人待着，把药品、刀具、绳子收好。'

/** The group's first answer: the number, who was told and when they will be in touch, then the advice. */
/** Who will help: someone on duty was told, the next shift (from `at`, HH:mm) brings someone, or nobody known. */
export type Helper = { readonly kind: 'found' } | { readonly kind: 'next-shift'; readonly at: string } | { readonly kind: 'none' }

export function ackRequest(ticket: Ticket, handler: Handler, building: string | undefined, helper: Helper): string {
  const who = SKILL_LABEL[handler.skill]
  const where = building ? `（${building}）` : ''
  const next =
    helper.kind === 'found'
      ? `已通知值班${who}，${handler.deadlines.acceptMinutes}分钟内联系您。`
      : helper.kind === 'none'
        ? `现在没有在班的${who}，已报告社区协调员马上安排，有人接单会在这里告诉您。`
        : `现在没有在班的${who}，已报告社区协调员马上安排；最晚${helper.at}交班后由下一班${who}处理，有人接单会在这里告诉您。`
  const ack = `已收到您的求助${where}，工单#${ticket.no}。${next}`
  if (ticket.selfHarm) return [CRISIS_FIRST, ack, CRISIS_ADVICE].join('\n')
  const lines = [ack, handler.answer({ urgency: ticket.urgency, fields: ticket.fields })]
  return (ticket.urgency === 'emergency' ? [CALL_120, ...lines] : lines).join('\n')
}

export function acceptedNotice(ticket: Ticket, handler: Handler, memberName: string): string {
  return `工单#${ticket.no}已由值班${SKILL_LABEL[handler.skill]}${memberName}接单，会尽快联系您。`
}

const HOW_TO_RATE = '请回复1-5为这次帮助打分（5分最满意），也可以说“满意”“一般”“不满意”。'

/** Resolved: what was done, and the 回访 question in the same message (every message costs). */
export function resolvedNotice(ticket: Ticket, note: string): string {
  const said = note ? `：${redactForGroup(note)}` : ''
  return `工单#${ticket.no}已办结${said}。如果问题还在，请在这里说一声。\n${HOW_TO_RATE}`
}

export const ratingReminder = (no: number) => `工单#${no}已经办结，您还没有评价。${HOW_TO_RATE}`
export function ratedThanks(no: number, rating: number): string {
  return rating <= 2
    ? `工单#${no}收到您的评价（${rating}分），抱歉没让您满意，已转告社区协调员跟进。`
    : `工单#${no}收到您的评价（${rating}分），谢谢！`
}
export const lateRating = (no: number) => `谢谢您的反馈！工单#${no}的评价时间已过（办结后24小时内有效），这次不计入。问题还在的话请直接说明。`
export const reopenedNotice = (no: number) => `工单#${no}已重新办理，会再派值班人员联系您。`

/** 进度: the state, then every step so far, so a resident sees that someone is on it. */
export function progressReport(ticket: Ticket, assigneeName: string | null, steps: readonly { at: number; what: string }[]): string {
  const owner = assigneeName && ticket.state !== 'new' ? `，负责人：${assigneeName}` : ''
  const shown = steps.length > 8 ? [...steps.slice(0, 2), null, ...steps.slice(-5)] : steps
  return [
    `工单#${ticket.no}（${formatClockTime(ticket.createdAt)}受理）：${STATE_LABEL[ticket.state]}${owner}。`,
    ...shown.map((s) => (s ? `${formatClockTime(s.at)} ${s.what}` : '…')),
  ].join('\n')
}

/** Nobody accepted in time: the resident hears the truth, not silence. */
export const escalatedNotice = (no: number) => `工单#${no}值班人员暂未回应，已上报社区协调员加急安排，请稍候。情况危急请拨打120。`
export const closedNotice = (no: number, reason: string) =>
  `工单#${no}已由社区关闭${reason ? `：${redactForGroup(reason)}` : ''}。还需要帮助请在这里说明。`

export const cancelledReply = (no: number) => `工单#${no}已取消。还需要帮助时直接在群里说就行。`
export const noOpenTicket = '您现在没有进行中的求助。需要帮助时直接说明情况就行，比如：3栋老人发烧38.5度，需要退烧药。'
export const notYourTicket = (no: number) => `工单#${no}不是您提交的，只能查询或取消自己的求助。`
export const alreadyClosed = (no: number, state: Ticket['state']) => `工单#${no}${STATE_LABEL[state]}，不能再取消。`
export const ticketNotFound = (no: number) => `没有找到工单#${no}，请核对编号。`

export const residentHelp =
  '您好！有困难直接说明情况就行，比如：“3栋老人发烧38.5度，需要退烧药”。\n' +
  '查询进度：进度 12 · 取消求助：取消 12\n' +
  '门牌号和电话请私信工作人员，不要发在群里。危及生命请立即拨打120。'

/** A voice note or picture by direct message that we cannot read. */
export const cannotReadMedia = '收到您的语音或图片，但暂时只能识别文字，请用文字说明需要什么帮助。紧急情况请立即拨打120。'
