import type { PrismaClient } from "../../app/generated/prisma/client";

// Expert consultations in the demo (issue 13): three experts with their fields; 芦北町's question
// on retention periods was held two months ago, with the advice, two actions and a follow-up; 千代田区
// has a meeting in ten days; 加古川市 has just asked and waits for the coordinator.

const DAY = 86400_000;
const HOUR = 3600_000;

/** 14:00 Tokyo on the weekday `days` from now (moved off Saturday and Sunday). */
function weekdayAt14(now: Date, days: number) {
  const d = new Date(now.getTime() + days * DAY + 9 * HOUR);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 14 - 9, 0));
}

function tokyoDay(date: Date) {
  return new Date(date.getTime() + 9 * HOUR).toISOString().slice(0, 10);
}

export async function seedDemoConsultations(
  prisma: PrismaClient,
  ids: { coordinatorId: string; lawyerId: string; analystId: string; advancedId: string; requesterIds: { ashikita: string; chiyoda: string; kakogawa: string }; fiscalYear: number },
) {
  const now = new Date();
  const topics = await prisma.consultationTopic.findMany({ orderBy: { position: "asc" } });
  const topic = (label: string) => topics.find((t) => t.label === label)!.id;
  const lawyer = await prisma.expert.create({
    data: { userId: ids.lawyerId, kind: "lawyer", affiliation: "森田法律事務所", fields: "個人情報保護法、目的外利用、匿名加工情報、公文書の保存年限", topics: { create: [{ topicId: topic("データ保有期間") }, { topicId: topic("特定分野") }] } },
  });
  const analyst = await prisma.expert.create({
    data: { userId: ids.analystId, kind: "analyst", affiliation: "統計・データ分析アドバイザー", fields: "アンケート設計、標本調査、BIツール、ダッシュボード", topics: { create: [{ topicId: topic("アンケートの活用") }, { topicId: topic("データ分析基盤") }, { topicId: topic("小規模団体のデータ活用") }] } },
  });
  const advanced = await prisma.expert.create({
    data: { userId: ids.advancedId, kind: "government", affiliation: "先進自治体 EBPM推進担当", fields: "庁内のデータ活用推進体制、職員研修", topics: { create: [{ topicId: topic("体制・人材育成") }] } },
  });

  const heldAt = weekdayAt14(now, -60);
  await prisma.consultation.create({
    data: {
      fiscalYear: ids.fiscalYear,
      municipalityCode: "434825",
      requesterId: ids.requesterIds.ashikita,
      topicId: topic("データ保有期間"),
      title: "保存年限を過ぎた相談記録を分析に使えるか",
      question: "福祉の相談記録（紙と表計算ファイル）の保存年限は5年です。年限を過ぎた記録を、個人が分からない形にして地域の傾向分析に使ってよいでしょうか。",
      background: "福祉課が2010年度からの相談記録を保有。職員は10名ほどで、分析の担当は企画財政課の1名。",
      status: "held",
      mode: "online",
      startsAt: heldAt,
      endsAt: new Date(heldAt.getTime() + 1.5 * HOUR),
      onlineUrl: "https://meet.example.jp/ashikita-retention",
      issues: "・保存年限を過ぎた記録は廃棄が原則か、分析のための保存が認められるか\n・分析に使う場合の加工（氏名・住所を除くだけで足りるか）\n・住民への説明",
      advice: "保存年限を過ぎた記録は、文書管理規程に従い廃棄するのが原則です。分析に使うなら、年限内に統計データ（地区・年代別の件数）に集計して残す運用を規程に位置づけてください。個票のまま残すと個人情報のままです。",
      recordedAt: new Date(heldAt.getTime() + 2 * HOUR),
      recordedById: ids.lawyerId,
      createdAt: new Date(heldAt.getTime() - 21 * DAY),
      experts: { create: [{ expertId: lawyer.id }] },
      actions: {
        create: [
          { description: "文書管理規程に、年限内に統計データへ集計して残す手順を加える案を作る", owner: "総務課 文書係", dueOn: tokyoDay(new Date(now.getTime() + 30 * DAY)), status: "in_progress" },
          { description: "過去5年分の相談件数を地区・年代別に集計する", owner: "企画財政課", dueOn: tokyoDay(new Date(now.getTime() - 10 * DAY)), status: "open" },
        ],
      },
      followUps: { create: [{ authorId: ids.requesterIds.ashikita, note: "規程の改正案を作成し、総務課と協議を始めました。集計作業は人手が足りず遅れています。", createdAt: new Date(now.getTime() - 7 * DAY) }] },
    },
  });
  const next = weekdayAt14(now, 10);
  await prisma.consultation.create({
    data: {
      fiscalYear: ids.fiscalYear,
      municipalityCode: "131016",
      requesterId: ids.requesterIds.chiyoda,
      topicId: topic("アンケートの活用"),
      title: "職員アンケートの自由記述を施策に生かしたい",
      question: "働き方に関する職員アンケートの自由記述が約2,000件あります。分類の方法と、結果を庁内でどう示すとよいか相談したいです。",
      background: "人事課と行革推進課が共同で毎年実施。選択式の集計はしているが、自由記述は読むだけになっている。",
      status: "scheduled",
      mode: "venue",
      startsAt: next,
      endsAt: new Date(next.getTime() + 1.5 * HOUR),
      venueName: "千代田区役所 4階 会議室",
      venueAddress: "東京都千代田区九段南1-2-1",
      createdAt: new Date(now.getTime() - 12 * DAY),
      experts: { create: [{ expertId: analyst.id }, { expertId: advanced.id }] },
    },
  });
  await prisma.consultation.create({
    data: {
      fiscalYear: ids.fiscalYear,
      municipalityCode: "282103",
      requesterId: ids.requesterIds.kakogawa,
      topicId: topic("データ分析基盤"),
      title: "防災の情報を一つの地図で見たい",
      question: "避難所、要配慮者施設、浸水想定区域の情報が課ごとに別のファイルになっています。一つの地図で見られるようにする方法を知りたいです。",
      background: "危機管理課、福祉課、土木課がそれぞれ保有。GISの庁内ライセンスは1つ。",
      createdAt: new Date(now.getTime() - 2 * DAY),
    },
  });
}
