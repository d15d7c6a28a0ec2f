/** What the recogniser decides for every text message (shared/spec/help-requests.md). */
export type Kind = 'request' | 'offer' | 'none'
export type Urgency = 'emergency' | 'urgent' | 'normal'

export interface Fields {
  temperatureC?: number
  age?: number
  location?: string
  medicines?: string[]
}

/** One reason behind a decision, so a coordinator can ask why a message was or was not taken. */
export interface Evidence {
  /** What fired: `topic:fever`, `ask`, `offer`, `notice`, `negated`, `rule:…` */
  readonly rule: string
  /** The words that fired it, as found in the normalised text. */
  readonly text?: string
  readonly weight?: number
}

interface RecognitionBase {
  /** The evidence behind the answer, worked out only when asked for (--explain): a running bot never pays for it. */
  explain(): readonly Evidence[]
}

export interface RequestRecognition extends RecognitionBase {
  readonly kind: 'request'
  readonly category: string
  readonly urgency: Urgency
  readonly fields: Fields
  /** Talk of self-harm among the emergency's signs: someone must be kept safe, whatever the category. */
  readonly selfHarm: boolean
}

export interface OtherRecognition extends RecognitionBase {
  readonly kind: 'offer' | 'none'
  readonly category: null
  readonly urgency: null
  readonly fields: Record<string, never>
  readonly selfHarm: false
}

export type Recognition = RequestRecognition | OtherRecognition
