/**
 * Multi-keyword matcher (Aho–Corasick over UTF-16 code units).
 *
 * Hundreds of keywords are checked in one left-to-right pass, so the cost is linear in the
 * text length whatever the size of the lexicon: a 50,000-character paste costs the same per
 * character as a five-word message. A regex alternation of the same words backtracks per position.
 */
export interface Term<T> {
  readonly word: string
  readonly value: T
}

export interface Hit<T> {
  readonly start: number
  readonly end: number
  readonly word: string
  readonly value: T
}

interface Node<T> {
  readonly next: Map<number, Node<T>>
  fail: Node<T> | null
  /** Terms ending at this node, including those inherited through fail links. */
  out: Term<T>[]
}

export interface Matcher<T> {
  /**
   * Every occurrence, minus any hit that lies strictly inside a longer one of the same group
   * (so 已经退烧了 hides the 退烧 inside it, 布洛芬混悬液 hides 布洛芬).
   */
  findAll(text: string): Hit<T>[]
}

/** Which hits may hide each other (a small group number); by default all of them. */
export type GroupOf<T> = (value: T) => number

function createNode<T>(): Node<T> {
  return { next: new Map(), fail: null, out: [] }
}

export function createMatcher<T>(terms: readonly Term<T>[], groupOf: GroupOf<T> = () => 0): Matcher<T> {
  const root = createNode<T>()
  for (const term of terms) {
    if (term.word.length === 0) continue
    let node = root
    for (let i = 0; i < term.word.length; i++) {
      const code = term.word.charCodeAt(i)
      let child = node.next.get(code)
      if (!child) {
        child = createNode<T>()
        node.next.set(code, child)
      }
      node = child
    }
    node.out.push(term)
  }
  linkFailures(root)
  // Most characters start no word: at the root they are skipped without a map lookup.
  const starts = new Uint8Array(0x10000)
  for (const code of root.next.keys()) starts[code] = 1
  return { findAll: (text) => dropNested(scan(root, starts, text), groupOf) }
}

function linkFailures<T>(root: Node<T>): void {
  const queue: Node<T>[] = []
  for (const child of root.next.values()) {
    child.fail = root
    queue.push(child)
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!
    for (const [code, child] of node.next) {
      let fail = node.fail
      while (fail && !fail.next.has(code)) fail = fail.fail
      child.fail = fail?.next.get(code) ?? root
      if (child.fail.out.length > 0) child.out = [...child.out, ...child.fail.out]
      queue.push(child)
    }
  }
}

function scan<T>(root: Node<T>, starts: Uint8Array, text: string): Hit<T>[] {
  const hits: Hit<T>[] = []
  let node = root
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (node === root && starts[code] === 0) continue
    let next = node.next.get(code)
    while (next === undefined && node !== root) {
      node = node.fail!
      next = node.next.get(code)
    }
    node = next ?? root
    for (const term of node.out) {
      hits.push({ start: i + 1 - term.word.length, end: i + 1, word: term.word, value: term.value })
    }
  }
  return hits
}

function dropNested<T>(hits: Hit<T>[], groupOf: GroupOf<T>): Hit<T>[] {
  if (hits.length < 2) return hits
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Hit<T>[] = []
  // Per group, the hit reaching furthest so far: sorted by start, anything inside it is nested.
  const coverStart: number[] = []
  const coverEnd: number[] = []
  for (const hit of hits) {
    const group = groupOf(hit.value)
    const end = coverEnd[group] ?? -1
    const start = coverStart[group] ?? -1
    const inside = hit.start >= start && hit.end <= end
    if (inside && !(hit.start === start && hit.end === end)) continue
    kept.push(hit)
    if (hit.end > end) {
      coverStart[group] = hit.start
      coverEnd[group] = hit.end
    }
  }
  return kept
}
