/**
 * A resident's rating of the help, as residents give it: 5, 5分, 五星, ⭐⭐⭐⭐, 👍, [强], 满意, 很满意,
 * 一般, 不满意, 差评. Only a short message is read as a rating; anything longer is a resident writing
 * (a new request, a complaint, thanks), and `谢谢` alone is no rating at all.
 */
export type Rating = 1 | 2 | 3 | 4 | 5

/** A rating is a word or two, perhaps with thanks; after dropping punctuation and thanks, at most this. */
const MAX_CHARS = 8
const NUMERALS: Record<string, Rating> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 }

/** Words, most specific first: 不满意 must be read before 满意. */
const WORDS: readonly [RegExp, Rating][] = [
  [/(?:非常|很|特别|十分|太)不满意|太差|很差|极差|差评|垃圾/, 1],
  [/不太满意|不怎么满意|不满意|不好|较差/, 2],
  [/一般|还行|还可以|凑合|马马虎虎|中评/, 3],
  [/基本满意|比较满意|挺好|还不错|不错/, 4],
  [/满意|好评|点赞|很好|非常好|太好了|赞|棒/, 5],
]
const THANKS = /谢谢你们|谢谢大家|谢谢|感谢|多谢|辛苦了|辛苦/g
const NOISE = /[\s,，.。!！~～、:：;；"“”'‘’()（）…]+/g

export function parseRating(text: string): Rating | null {
  const plain = text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\[(强|赞)\]|👍|👍🏻|👍🏼/g, '赞')
    .replace(/\[弱\]|👎/g, '差评')
    .replace(NOISE, '')
  const stars = (plain.match(/[⭐★🌟]/g) ?? []).length
  const rest = plain.replace(/[⭐★🌟☆]/g, '').replace(THANKS, '')
  if (rest.length > MAX_CHARS) return null
  if (stars >= 1 && stars <= 5 && rest.replace(/分|星|颗/g, '') === '') return stars as Rating
  // 5, 五星, 5分好评, 2分太慢了: a bare number, or a scored one with a few words after it.
  const number = /^([0-9]{1,2}|[一二两三四五])(?:(?:分|星|颗星|个星)[\s\S]*)?$/.exec(rest)
  if (number) {
    const n = NUMERALS[number[1]!] ?? Number(number[1])
    if (n >= 1 && n <= 5) return n as Rating
    if (n === 10) return 5 // 十分制的满分
    return null
  }
  if (/^满分$/.test(rest)) return 5
  for (const [words, rating] of WORDS) if (words.test(rest)) return rating
  return null
}
