import type { PrismaClient } from "../../app/generated/prisma/client";

// Around the academy in the demo (issue 13): next fiscal year's call for applications is open on
// the public page, with the programme's two tracks and four criteria; 芦北町 has applied for an
// expert consultation, and a reviewer waits for it.

const DAY = 86400_000;

/** 17:00 Tokyo, `days` from now. */
function tokyoFivePm(now: Date, days: number) {
  const d = new Date(now.getTime() + days * DAY + 9 * 3600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 17 - 9, 0));
}

export async function seedDemoCalls(prisma: PrismaClient, ids: { coordinatorId: string; reviewerId: string; applicantId: string; fiscalYear: number }) {
  const now = new Date();
  const call = await prisma.call.create({
    data: {
      fiscalYear: ids.fiscalYear + 1,
      title: `${ids.fiscalYear + 1}年度 データアカデミー・専門家相談会 参加団体の募集`,
      description:
        "地方公共団体の職員が、自らの組織が保有するデータを使って地域の課題を解決する力を身につける研修（データアカデミー）と、データ活用の壁について専門家に相談できる相談会の参加団体を募集します。\n\n対象：都道府県・市区町村（複数団体による広域での応募も可）\n選定：書類審査のうえ、結果を応募者にメールでお知らせし、選定団体名をこのページで公表します。",
      deadlineAt: tokyoFivePm(now, 20),
      publishedAt: new Date(now.getTime() - 5 * DAY),
      createdById: ids.coordinatorId,
      tracks: {
        create: [
          { kind: "consultation", label: "（ア）専門家相談会", places: 10, position: 0 },
          { kind: "academy", label: "（イ）データアカデミー", places: 4, position: 1 },
        ],
      },
      criteria: { create: ["課題の明確さ", "データの保有・利用の見込み", "関係部署の参画", "地域バランス"].map((label, position) => ({ label, position })) },
      reviewers: { create: [{ userId: ids.reviewerId }] },
    },
    include: { tracks: true },
  });
  await prisma.application.create({
    data: {
      callId: call.id,
      trackId: call.tracks[0]!.id,
      applicantId: ids.applicantId,
      status: "submitted",
      submittedAt: new Date(now.getTime() - 2 * DAY),
      leadMunicipalityCode: "434825",
      contactName: "﨑田 陽菜",
      contactDepartment: "企画財政課",
      contactPhone: "0966-82-2511",
      problem: "小規模な町で、アンケートや窓口のデータを施策の見直しに使う体制がない。\n担当者が少なく、分析の手順を誰に相談すればよいか分からない。",
      dataHeld: "住民アンケート（2022〜2024年度、Excel）、窓口の受付件数（2023年度、CSV）",
      dataDepartment: "企画財政課、住民福祉課",
      staffCount: 3,
      consentPublication: true,
      municipalities: { create: [{ municipalityCode: "434825" }] },
    },
  });
}
