// Shared by server and browser.

/** A topic's name in the reader's language (the Japanese one when no English was given). */
export function topicLabel(topic: { label: string; labelEn: string }, locale: string) {
  return locale === "en" && topic.labelEn ? topic.labelEn : topic.label;
}
