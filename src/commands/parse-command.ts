/**
 * The commands people type on a phone: Chinese first, one short line, number with or without `#`,
 * full-width digits and spaces welcome. Anything else is not a command.
 */
export type Command =
  | { readonly name: 'accept'; readonly no: number | null }
  | { readonly name: 'resolve'; readonly no: number | null; readonly note: string }
  | { readonly name: 'handBack'; readonly no: number | null; readonly reason: string }
  | { readonly name: 'mine' }
  | { readonly name: 'onDuty' }
  | { readonly name: 'offDuty' }
  | { readonly name: 'help' }
  | { readonly name: 'progress'; readonly no: number | null }
  | { readonly name: 'cancel'; readonly no: number | null }
  | { readonly name: 'pending' }
  /** `target` is a member's name or contact id; empty when the coordinator left it out. */
  | { readonly name: 'assign'; readonly no: number; readonly target: string }
  | { readonly name: 'roster' }
  | { readonly name: 'close'; readonly no: number | null; readonly reason: string }
  | { readonly name: 'reopen'; readonly no: number | null }
  /** `day`: YYYY-MM-DD as typed, 昨天 or 今天; null for today so far. */
  | { readonly name: 'digest'; readonly day: string | null }

export type CommandName = Command['name']

/** Commands only members may run; a resident trying one is refused politely. */
export const MEMBER_COMMANDS: ReadonlySet<CommandName> = new Set(['accept', 'resolve', 'handBack', 'mine', 'onDuty', 'offDuty'])

/** Commands only coordinators may run (by contact id, from the roster). */
export const COORDINATOR_COMMANDS: ReadonlySet<CommandName> = new Set(['pending', 'assign', 'roster', 'close', 'reopen', 'digest'])

/** Whether someone with this roster role may run the command (anyone may run the rest). */
export function mayRun(command: Command, role: 'member' | 'coordinator' | undefined): boolean {
  if (COORDINATOR_COMMANDS.has(command.name)) return role === 'coordinator'
  if (MEMBER_COMMANDS.has(command.name)) return role !== undefined
  return true
}

/** A ticket number; digits that go on into a building or room (3号楼, 5栋, 1102室) are an address. */
const NO = String.raw`#?\s*(\d{1,9})(?![\d号栋楼幢座单元层室期])`
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Command][] = [
  [new RegExp(String.raw`^(?:接单|接)\s*(?:${NO})?$`), (m) => ({ name: 'accept', no: toNo(m[1]) })],
  [withNote('完成|办结|已完成'), (m) => ({ name: 'resolve', no: toNo(m[1]), note: noteOf(m) })],
  [withNote('转单|转'), (m) => ({ name: 'handBack', no: toNo(m[1]), reason: noteOf(m) })],
  [/^(?:我的|我的工单|我的待办)$/, () => ({ name: 'mine' })],
  [/^(?:值班|上班|上岗)$/, () => ({ name: 'onDuty' })],
  [/^(?:下班|离岗)$/, () => ({ name: 'offDuty' })],
  [/^(?:帮助|help|菜单|指令|\?|？)$/i, () => ({ name: 'help' })],
  [new RegExp(String.raw`^(?:进度|查询|查进度)\s*(?:${NO})?$`), (m) => ({ name: 'progress', no: toNo(m[1]) })],
  [new RegExp(String.raw`^(?:取消|取消求助)\s*(?:${NO})?$`), (m) => ({ name: 'cancel', no: toNo(m[1]) })],
  [/^(?:待办|待办工单|未办结|超时工单)$/, () => ({ name: 'pending' })],
  // 派 12 张三 · 派12给张三 · 指派 #12 c-li
  [
    // A name or contact id is one short word: 派2个医生来看看，老人发烧 is a resident asking, not a command.
    new RegExp(String.raw`^(?:派单|指派|派)\s*${NO}\s*[,，:：]?\s*(?:给\s*)?([^\s,，。！!？?]{0,24})$`),
    (m) => ({ name: 'assign', no: Number(m[1]), target: m[2]!.trim() }),
  ],
  [/^(?:排班|班表|值班表)$/, () => ({ name: 'roster' })],
  [withNote('关闭|关单'), (m) => ({ name: 'close', no: toNo(m[1]), reason: noteOf(m) })],
  [new RegExp(String.raw`^(?:重办|重新办理)\s*(?:${NO})?$`), (m) => ({ name: 'reopen', no: toNo(m[1]) })],
  [/^(?:日报|今日日报)\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|昨天|今天)?$/, (m) => ({ name: 'digest', day: m[1] ?? null })],
]

/** `完成 12 已送到`, `完成12已送到`, `完成：已送到`, `完成`; not `完成了谢谢`. */
function withNote(verbs: string): RegExp {
  return new RegExp(String.raw`^(?:${verbs})\s*(?:${NO}\s*[,，:：]?\s*([\s\S]*)|[\s,，:：]\s*([\s\S]+)|)$`)
}

function noteOf(m: RegExpExecArray): string {
  return (m[2] ?? m[3] ?? '').trim()
}

function toNo(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits)
}

/** Full-width digits, letters and spaces to half width; a leading `/` (as in other bots) is allowed. */
function tidy(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .replace(/^\//, '')
    .trim()
}

export function parseCommand(text: string): Command | null {
  // A command is one short line; a long message that happens to start with 转 is a resident writing.
  if (text.length > 200) return null
  const line = tidy(text)
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(line)
    if (m) return build(m)
  }
  return null
}
