// How the review queue may be ordered (server and page): the earliest due first, or the longest waiting first.
export const QUEUE_ORDERS = ["due", "waiting"] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];
