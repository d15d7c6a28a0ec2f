import type { Digest, MemberFigures, Rate, Spread } from '../digest/build-digest.js'
import { maskPhones } from '../privacy/mask.js'
import { formatDuration } from './labels.js'

/** What a WeChat message comfortably holds on a phone screen; longer sections are split at lines. */
const MESSAGE_CHARS = 500
const LIST_LIMIT = 10

const percent = (rate: Rate) => (rate.of ? `${Math.round((rate.hit / rate.of) * 100)}%（${rate.hit}/${rate.of}）` : '无数据')
const times = (s: Spread) => (s.n ? `中位${formatDuration(s.median!)}，P90 ${formatDuration(s.p90!)}` : '无数据')
const average = (ratings: readonly number[]) => (ratings.reduce((a, b) => a + b, 0) / ratings.length).toFixed(1)

function redList(members: readonly MemberFigures[]): string {
  const red = [...members]
    .filter((m) => m.resolved > 0)
    .sort((a, b) => b.resolved - a.resolved || (b.ratings.length ? +average(b.ratings) : 0) - (a.ratings.length ? +average(a.ratings) : 0))
    .slice(0, 3)
  return red.length
    ? red.map((m) => `${m.name} 办结${m.resolved}${m.ratings.length ? ` 均分${average(m.ratings)}` : ''}${m.toAccept.n ? ` 接单${formatDuration(m.toAccept.median!)}` : ''}`).join('；')
    : '暂无'
}

function blackList(members: readonly MemberFigures[]): string {
  const black = members
    .filter((m) => m.lapses > 0 || (m.ratings.length > 0 && +average(m.ratings) < 3))
    .sort((a, b) => b.lapses - a.lapses)
    .slice(0, 3)
  return black.length
    ? black.map((m) => `${m.name}${m.lapses ? ` 超时未接${m.lapses}次` : ''}${m.ratings.length && +average(m.ratings) < 3 ? ` 均分${average(m.ratings)}` : ''}`).join('；')
    : '暂无'
}

/** The digest as WeChat messages: plain text, no tables, phone numbers masked, each of readable length. */
export function digestMessages(d: Digest, community: string): string[] {
  const head = [
    `📊 ${community} ${d.label} 日报`,
    `求助${d.total}件${d.cancelled ? `（其中取消${d.cancelled}件，不计入三率）` : ''}`,
    ...(d.total
      ? [
          `分类：${d.byCategory.map((c) => `${c.label}${c.count}`).join(' · ')}`,
          `网格：${d.byGrid.map((g) => `${g.grid === null ? '私信' : `${g.grid}网格`}${g.count}`).join(' · ')}`,
        ]
      : []),
    `响应率 ${percent(d.response)}　按时接单`,
    `解决率 ${percent(d.resolution)}　按时办结`,
    `满意率 ${percent(d.satisfaction)}　评4-5分`,
    `接单用时：${times(d.toAccept)}`,
    `办结用时：${times(d.toResolve)}`,
  ]
  const open = [
    `未办结${d.openCount}件${d.overdueCount ? `，超时${d.overdueCount}件` : ''}${d.openCount ? '：' : '。'}`,
    ...d.open.slice(0, LIST_LIMIT).map((o) => `${o.overdue ? '⚠️' : '·'}#${o.no} ${o.label} ${o.owner ?? '无人负责'} 已${formatDuration(o.ageMs)}`),
    ...(d.openCount > LIST_LIMIT ? [`……另有${d.openCount - LIST_LIMIT}件，发“待办”查看`] : []),
  ]
  const boards = [`红榜：${redList(d.members)}`, `黑榜：${blackList(d.members)}`]
  const hot = d.hotSpots.length
    ? ['近30天热点（同一处同类求助3次以上，可作每月一题）：', ...d.hotSpots.slice(0, 5).map((h) => `${h.place} ${h.label} ${h.count}次`)]
    : []
  return pack([head, open, boards, hot].filter((s) => s.length).map((lines) => lines.map(maskPhones)))
}

/** Sections into messages: whole sections together while they fit, a long one split at its lines. */
function pack(sections: readonly (readonly string[])[]): string[] {
  const messages: string[] = []
  let current = ''
  const flush = () => {
    if (current) messages.push(current)
    current = ''
  }
  for (const section of sections) {
    const text = section.join('\n')
    if (current && current.length + 1 + text.length <= MESSAGE_CHARS) {
      current += `\n${text}`
      continue
    }
    flush()
    for (const line of section) {
      if (current && current.length + 1 + line.length > MESSAGE_CHARS) flush()
      current = current ? `${current}\n${line}` : line.slice(0, MESSAGE_CHARS)
    }
  }
  flush()
  return messages
}
