import { matchesOf } from './regex-matches.js'

/**
 * The blood-oxygen saturation the message says someone has now (血氧90, 指脉氧只有88%), from the
 * digits-only text: the lowest reading stated, unless a later one was taken again (今早96 刚才再测90,
 * 前天掉到89 现在96了), which says how things are now.
 */
// 血氧仪，刚给老人测了只有90: the reading may come a few words after the device.
// 血氧掉到90的话: a threshold asked about, not a reading.
// 一直在90: the digits form turns 一直 into 1直, so a lone digit may stand between.
const BLOOD_OXYGEN = /(?:血氧|雪氧|血养|血阳|学氧|雪养|氧饱和度|饱和度|氧饱|指脉氧|指夹|夹手指|手指夹|血痒|测氧气|测氧|spo2|spo₂|sp02|xy(?![a-z]))[^\n]{0,12}?(?<!\d)(\d{2,3})(?:[.点]\d)?\s*%?(?!\d|\s*(?:的话|以下|时|块|元|岁|个|天|号|栋|楼|分钟|小时))/g
// 夹了一下手指头显示87 · 手指头上那个东西显示91: an oximeter named by the finger it clips.
const FINGER_READING = /(?:(?:夹|测)[^,.!?]{0,6}(?:手指|指头)|(?:手指|指头)[^\d,.!?]{0,6}?(?:夹|测|东西|玩意|仪器))[^\d,.!?]{0,16}?(?:显示|只有|才|是|出来|写着)\s*(\d{2})(?![\d.度])/g
// 送血氧仪 顺手帮老人测了一下 只有87: the device, a measuring, then the reading.
const MEASURED = /(?:血氧仪|指夹|夹手指)[^\n]{0,16}?(?:测|量|夹)[^\d\n]{0,10}?(?:显示|只有|才|是|写着|出来)\s*(\d{2})(?![\d.度])/g
// 血氧是96 刚才再测只有90了 · 重新夹 三次都是97 · 现在96了 · 手暖和了又显示96: a reading taken again, or as it is now.
const READ_AGAIN = /(?:再测|又测|又显示|又变成|变回|复测|测是|再量|重新测|重新夹|测了一下|测了下|测出来|掉到|降到|跌到|升到|回到|涨到|恢复到|只有|次都是|现在|目前)[^\d,.!?]{0,6}?(\d{2})(?![\d.度]|\s*(?:的话|以下|时))/g
// 假如血氧掉到90 · 低于90就很危险 · 演练脚本:血氧88 · 新闻说外地有个大爷…掉到80 · 测谁都是85 (the device): no one's reading.
const NOT_A_READING = /如果|假如|要是|万一|低于|小于|少于|演练|模拟|脚本|纪录片|电视|短视频|看视频|视频里|科普|新闻|外地|测谁都|谁测都|不准/
// 我在看一部纪录片，讲高原上的人血氧常年八十多 · 《急诊室的故事》: a story told, anywhere before the reading.
const STORIES = /纪录片|电视剧|《|小说|演练|脚本/g
const STORY_REACH = 60
// 我爸在看《急诊室的故事》，突然说难受，测了血氧只有85: a reading taken since is no story.
const READ_SINCE = /突然|现在|刚|测|量|只有|夹/

// 阳的时候血氧掉到89 住了一周院 现在全好了: a reading from an illness that is over.
const OVER_AFTER = /(?:现在|已经|早就?)(?:全|都|彻底)?(?:好了|康复|痊愈|出院)|全好了/
const OVER_REACH = 30

const CLAUSE_BEFORE = 12
const NOW = /现在|今天|目前|出院/

// 血氧正常 心率88 · 血氧仪显示心率85 血氧97 · 血氧仪借一下 我爸今年88了: another reading or an age named between
// the oximeter and the number is what the number is (an oximeter shows the pulse beside the saturation).
const ANOTHER_MEASURE = /心率|心跳|脉搏|脉率|pr|bpm|hr|体温|血压|高压|低压|血糖|体重|今年|年龄/

// A character every pattern above needs: most messages have none and skip the scans.
const MENTIONS_OXIMETER = /[氧饱痒养指]|血阳|sp[o0₂]|xy/

interface Reading {
  readonly value: number
  readonly index: number
}

export function extractBloodOxygen(digits: string): number | undefined {
  if (!MENTIONS_OXIMETER.test(digits)) return undefined
  const first = [...readings(digits, BLOOD_OXYGEN), ...readings(digits, FINGER_READING), ...readings(digits, MEASURED)]
  if (first.length === 0) return undefined
  const lowest = first.reduce((a, b) => (b.value < a.value ? b : a))
  // A later reading taken again, or told as today's (血氧掉到90住了院，今天出院了，血氧96), is how things are now.
  const toldAsNow = first.filter((r) => NOW.test(digits.slice(Math.max(0, r.index - CLAUSE_BEFORE), r.index)))
  let latest = lowest
  for (const r of [...readings(digits, READ_AGAIN), ...toldAsNow]) if (r.index >= latest.index && r.index > lowest.index) latest = r
  return latest.value
}

function readings(digits: string, pattern: RegExp): Reading[] {
  const found: Reading[] = []
  for (const match of matchesOf(pattern, digits)) {
    const value = Number(match[1])
    const at = match.index + match[0].lastIndexOf(match[1]!)
    if (value < 50 || value > 100) continue
    if (ANOTHER_MEASURE.test(match[0].slice(0, at - match.index))) continue
    if (NOT_A_READING.test(clauseBefore(digits, match.index) + match[0]) || isInAStory(digits, match.index)) continue
    if (OVER_AFTER.test(digits.slice(at, at + OVER_REACH))) continue
    found.push({ value, index: at })
  }
  return found
}

function clauseBefore(digits: string, index: number): string {
  const before = digits.slice(Math.max(0, index - CLAUSE_BEFORE), index)
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'))
  return before.slice(cut + 1)
}

function isInAStory(digits: string, index: number): boolean {
  const before = digits.slice(Math.max(0, index - STORY_REACH), index)
  let story = -1
  for (const match of matchesOf(STORIES, before)) story = match.index + match[0].length
  return story >= 0 && !READ_SINCE.test(before.slice(story))
}
