import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { requiredText } from "~/utils/form-fields";
import { TopicSchema } from "./schemas";
import { createTopic, moveTopic, setTopicArchived, updateTopic } from "./topics.server";

// The topic categories page (decision 0024): added, renamed, reordered, archived and restored.
// The route lets in only those who coordinate consultations.

export interface TopicsPage {
  actorId: string;
}

const TopicId = z.object({ topicId: requiredText(64) });
const saved = () => ({ message: "consultation.topicSaved" });

export const TOPIC_INTENTS: Intents<TopicsPage> = {
  create: intent({ schema: TopicSchema, run: (v, p: TopicsPage) => createTopic(p.actorId, v), done: () => ({ message: "consultation.topicAdded" }) }),
  update: intent({ schema: TopicSchema.extend(TopicId.shape), run: (v, p: TopicsPage) => updateTopic(p.actorId, v.topicId, { label: v.label, labelEn: v.labelEn }), done: saved }),
  archive: intent({ schema: TopicId, run: (v, p: TopicsPage) => setTopicArchived(p.actorId, v.topicId, true), done: saved }),
  restore: intent({ schema: TopicId, run: (v, p: TopicsPage) => setTopicArchived(p.actorId, v.topicId, false), done: saved }),
  up: intent({ schema: TopicId, run: (v, p: TopicsPage) => moveTopic(p.actorId, v.topicId, -1), done: saved }),
  down: intent({ schema: TopicId, run: (v, p: TopicsPage) => moveTopic(p.actorId, v.topicId, 1), done: saved }),
};
