import type { PrismaClient } from "../../app/generated/prisma/client";

// The case library's first entries: themes the programme has published, told in our own words
// (no text copied from the guidebook, no personal data), so the public page has something to find.

const CASES = [
  {
    fiscalYear: 2018, codes: ["131016"], themeCategory: "administration", populationBand: "designated_city",
    title: "残業の偏りをデータで見える化し、働き方改革の打ち手を選ぶ",
    problem: "時間外勤務が一部の課と時期に集中しているが、どこから手を付ければよいかが分からなかった。",
    dataUsed: "庶務システムの時間外勤務の記録（課別・月別、3年分）、職員数、窓口の受付件数",
    method: "課と月の組み合わせで時間外勤務を集計し、繁忙期と業務量の関係をグラフにした。仮説ごとに、裏付けになる数字があるかを確かめた。",
    result: "繁忙期が重なる課の間で応援体制を組むこと、申請の受付方法を見直すことを提案した。",
    outcome: "翌年度、応援体制の試行が始まった。", contactDepartment: "政策経営部",
  },
  {
    fiscalYear: 2017, codes: ["142042"], themeCategory: "public_facilities", populationBand: "50k_200k",
    title: "利用実績と維持費から公共施設の今後を考える",
    problem: "老朽化した施設が多く、更新の順番を決める根拠が示せていなかった。",
    dataUsed: "公共施設台帳、施設ごとの利用者数と稼働率、維持管理費",
    method: "施設を利用度と1人あたりの費用の2軸で並べ、地区ごとの配置を地図に重ねた。",
    result: "利用の少ない施設の機能を近くの施設に集める案と、その効果の測り方を示した。",
    outcome: "", contactDepartment: "経営企画部",
  },
  {
    fiscalYear: 2018, codes: ["282014"], themeCategory: "health", populationBand: "over_200k",
    title: "健康への関心が薄い層に届く受診勧奨を探す",
    problem: "特定健診の受診率が伸びず、特に働き盛りの世代で受けていない人が多い。",
    dataUsed: "特定健診の受診記録（年齢・地区別に集計したもの）、国民健康保険の加入者数",
    method: "受診率を年齢と地区で比べ、未受診が続く層の特徴を整理した。個人が分かるデータは使わず、集計値で分析した。",
    result: "休日の健診と、地区の集会所での出張健診を組み合わせる案を提案した。",
    outcome: "出張健診の経費が次年度予算に盛り込まれた。", contactDepartment: "健康福祉局 保健所",
  },
  {
    fiscalYear: 2018, codes: ["401307"], themeCategory: "disaster_safety", populationBand: "designated_city",
    title: "大規模災害時の帰宅困難者を広域で支える",
    problem: "災害で交通が止まったとき、駅の周りに人があふれ、一時滞在の場所が足りなくなるおそれがある。",
    dataUsed: "主要駅の乗降客数、一時滞在施設の収容人数、周辺市町からの通勤・通学者数",
    method: "駅ごとに想定される滞留者数と受け入れ可能な人数を比べ、足りない地域を示した。",
    result: "近隣の市町と受け入れ施設を融通し合う仕組みを提案した。",
    outcome: "", contactDepartment: "市民局 防災・危機管理部",
  },
  {
    fiscalYear: 2017, codes: ["272108"], themeCategory: "childcare_education", populationBand: "over_200k",
    title: "小学校区ごとの児童数の偏りと通学の安全",
    problem: "小学校によって児童数の増減が大きく、通学路の見守りも地区によって手薄になっている。",
    dataUsed: "学校別の児童数の推移、住民基本台帳の年齢別人口（町丁目別の集計）、犯罪の発生件数（地区別）",
    method: "児童数の将来推計を校区ごとに作り、見守りの手が届いていない区間を重ねて見た。",
    result: "校区の見直しの検討材料と、見守りを重点的に置く区間の案をまとめた。",
    outcome: "", contactDepartment: "教育委員会",
  },
];

export async function seedDemoCases(prisma: PrismaClient) {
  const now = new Date();
  for (const c of CASES) {
    const { codes, ...rest } = c;
    await prisma.case.create({ data: { ...rest, publishedAt: now, coordinatorApprovedAt: now, municipalities: { create: codes.map((municipalityCode) => ({ municipalityCode })) } } });
  }
}
