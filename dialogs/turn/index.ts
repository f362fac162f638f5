/**
 * The conversation core's own interface (issue 23): what dialogs/ and bot/ run on, and what each host
 * (bot/hosts/botbuilder/, bot/hosts/agents/) adapts its SDK to. No SDK is imported here or by
 * anything that imports only this.
 */
export { ActivityTypes, InputHints } from './activity';
export type { Activity, Attachment, CardAction, ChannelAccount, ConversationAccount, Entity, IncomingActivity, InvokeResponse, SentActivity, SuggestedActions } from './activity';
export type { TurnChannel, TurnContext } from './turn-context';
export type { ActivityHost, ConversationBot } from './host';
export { NEW_ITEM_ETAG } from './state';
export type { StateProperty, Storage, StoreItem, StoreItems, TurnState } from './state';
