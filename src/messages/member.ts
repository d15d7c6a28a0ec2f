import { formatClockTime } from '../clock.js'
import type { Handler } from '../recognise/handler.js'
import type { Fields } from '../recognise/types.js'
import type { Ticket } from '../tickets/types.js'
import { staffLabel, STATE_LABEL, URGENCY_LABEL } from './labels.js'

/** Everything the bot says to duty members, by direct message. Short: they read it on a phone. */

function describeFields(fields: Fields): string[] {
  const facts: string[] = []
  if (fields.location) facts.push(`地址：${fields.location}`)
  if (fields.temperatureC !== undefined) facts.push(`体温：${fields.temperatureC}℃`)
  if (fields.age !== undefined) facts.push(`年龄：${fields.age < 1 ? `${Math.round(fields.age * 12)}个月` : `${fields.age}岁`}`)
  if (fields.medicines?.length) facts.push(`药品：${fields.medicines.join('、')}`)
  return facts
}

// What whoever goes first does when someone may harm themselves.
const SELF_HARM_VISIT = '请先电话确认本人安全，联系家属；上门请两人同去，必要时请社区民警一起。'

/** The assignment: everything needed to act, including what must never be said in the group. */
export function assignment(ticket: Ticket, handler: Handler, roomTopic: string | null, reassigned: boolean): string {
  const head = `${reassigned ? '转派' : '新'}工单#${ticket.no}【${staffLabel(ticket, handler)}·${URGENCY_LABEL[ticket.urgency]}】`
  const from = `${ticket.requesterName}${roomTopic ? `（${roomTopic}）` : '（私信）'} ${formatClockTime(ticket.createdAt)}`
  return [
    head,
    ...(ticket.urgency === 'emergency' ? ['⚠️ 紧急：已提醒对方先拨打120'] : []),
    ...(ticket.selfHarm ? [SELF_HARM_VISIT] : []),
    `居民：${from}`,
    `原话：${ticket.text}`,
    ...describeFields(ticket.fields),
    `请${handler.deadlines.acceptMinutes}分钟内回复：接 ${ticket.no} · 转 ${ticket.no} 原因`,
  ].join('\n')
}

export function acceptedReply(ticket: Ticket, handler: Handler): string {
  const deadline =
    handler.deadlines.resolveMeans === 'plan'
      ? `${Math.round(handler.deadlines.resolveMinutes / 60 / 24)}天内给出处理方案`
      : `${handler.deadlines.resolveMinutes}分钟内办结`
  return `已接单#${ticket.no}，请尽快联系居民，${deadline}。办好后回复：完成 ${ticket.no} 情况`
}

export const takenOver = (no: number, byName: string) => `工单#${no}已由${byName}接单，您不用再处理。`
export const alreadyAccepted = (no: number) => `工单#${no}您已经接过了。办好后回复：完成 ${no} 情况`
export const acceptedByOther = (no: number, name: string) => `工单#${no}已由${name}接单。`
export const ticketClosed = (no: number, state: Ticket['state']) => `工单#${no}${STATE_LABEL[state]}，无需处理。`
export const resolvedReply = (no: number) => `工单#${no}已办结，辛苦了！`
export const notYours = (no: number) => `工单#${no}不是派给您的，不能办结或转出。需要调整请联系协调员。`
export const handedBackReply = (no: number) => `工单#${no}已转出，会派给其他值班成员。`
export const cancelledByResident = (no: number) => `工单#${no}居民已取消，不用再处理了。`
export const whichTicket = (nos: readonly number[], verb: string) =>
  `您有${nos.length}个工单：${nos.map((n) => `#${n}`).join(' ')}，请带上编号，如：${verb} ${nos[0]}`
export const noTicketToAct = '您现在没有需要处理的工单。'

export function myTickets(tickets: readonly Ticket[], labelOf: (category: string) => string): string {
  if (tickets.length === 0) return '您现在没有待办工单。'
  return [
    `您有${tickets.length}个待办工单：`,
    ...tickets.map((t) => `#${t.no} ${labelOf(t.category)} ${STATE_LABEL[t.state]} ${formatClockTime(t.createdAt)}受理`),
  ].join('\n')
}

export const onDutyReply = (until: string) => `已设为值班，到${until}。新工单会私信您。`
export function offDutyReply(until: string, open: number): string {
  const warn = open > 0 ? `您还有${open}个未办结工单，请办结或回复“转 编号 原因”交给别人。` : ''
  return `已设为下班，到${until}不再派单给您。${warn}`
}

export const attachmentForward = (no: number, name: string, kind: string) =>
  `工单#${no}：${name}发来一${kind === 'voice' ? '条语音' : kind === 'image' ? '张图片' : '个文件'}，转给您。`

export const memberHelp =
  '值班成员指令（私信我，一条一句）：\n' +
  '接 12 — 接单\n完成 12 已送到 — 办结\n转 12 原因 — 转给别人\n我的 — 我的待办\n值班 / 下班 — 上下班\n帮助 — 本说明'

export const strangerRefusal = '抱歉，这条指令只有爱心专班成员可以用。需要帮助请直接说明情况，查询进度请发：进度'

/** The chase, by direct message: a nudge, never a scolding. */
export const acceptReminder = (ticket: Ticket, handler: Handler, minutes: number) =>
  `⏰ 工单#${ticket.no}【${handler.label}】派给您${minutes}分钟了还没接单。能去请回复：接 ${ticket.no}；去不了请回复：转 ${ticket.no} 原因`
export const resolveReminder = (ticket: Ticket, handler: Handler) =>
  `⏰ 工单#${ticket.no}【${handler.label}】已到${handler.deadlines.resolveMeans === 'plan' ? '给出处理方案' : '办结'}时限。` +
  `办好了请回复：完成 ${ticket.no} 情况；遇到困难请回复：转 ${ticket.no} 原因`
export const movedOn = (no: number, toName: string) => `工单#${no}您一直没有接单，已转派给${toName}，您不用再处理。`
export const escalatedToYou = (no: number) => `工单#${no}您一直没有接单，已上报协调员。现在能去仍可回复：接 ${no}`

/** An emergency: every member on duty hears of it, one owner must still accept. */
export function emergencyPage(ticket: Ticket, handler: Handler, roomTopic: string | null, ownerName: string | null): string {
  const owner = ownerName ? `已派给${ownerName}负责。` : '暂无合适人员，'
  return (
    `🚨 紧急求助 工单#${ticket.no}【${staffLabel(ticket, handler)}】${roomTopic ? `（${roomTopic}）` : ''}：${ticket.text}\n` +
    (ticket.selfHarm ? `${SELF_HARM_VISIT}\n` : '') +
    `已提醒居民先拨打120。${owner}您如在附近请协助；需要由您负责请回复：接 ${ticket.no}`
  )
}

/** Shift handover: each incoming member hears once, with every ticket they take over. */
export function handedOverToYou(tickets: readonly Ticket[], labelOf: (category: string) => string): string {
  return [
    `交接班：以下${tickets.length}个工单交给您：`,
    ...tickets.map((t) => `#${t.no} ${labelOf(t.category)} ${URGENCY_LABEL[t.urgency]}：${t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text}`),
    `请逐个回复：接 编号（如：接 ${tickets[0]!.no}）`,
  ].join('\n')
}
export function handedOverFromYou(moves: readonly { no: number; toName: string }[]): string {
  return `交接班：您的工单${moves.map((m) => `#${m.no}→${m.toName}`).join('、')}已交给下一班，辛苦了！`
}

/** A coordinator's 派: the member hears it as an assignment; whoever had it is told. */
export const reassignedByCoordinator = (no: number, toName: string) => `工单#${no}协调员已改派给${toName}，您不用再处理。`
export const closedByCoordinator = (no: number) => `工单#${no}已由协调员关闭，不用再处理了。`
