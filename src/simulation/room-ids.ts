/** A WeChat room id for a scenario's room id (the mock, like WeChat, needs `@` in room ids). */
export const toChatRoomId = (id: string): string => (id.includes('@') ? id : `${id}@chatroom`)
export const fromChatRoomId = (id: string): string => id.replace(/@chatroom$/, '')
