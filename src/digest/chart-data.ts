/** What the day-at-a-glance chart shows: the digest builds it, the renderer draws it. */
export interface DigestChartData {
  /** The day, YYYY-MM-DD in Asia/Shanghai. */
  readonly day: string
  /** The community's name for the title, e.g. 幸福里社区. */
  readonly community: string
  /** Requests by hour of the day (0–23) and category: `byHour[category label][hour]`. */
  readonly byHour: Readonly<Record<string, readonly number[]>>
  /** The three rates over the last 7 days ending with `day`; null where a day had nothing to measure. */
  readonly rates: {
    readonly days: readonly string[]
    readonly response: readonly (number | null)[]
    readonly resolution: readonly (number | null)[]
    readonly satisfaction: readonly (number | null)[]
  }
}
