// Generates the practice dataset in materials/datasets/: a fictional town's specific health
// check-ups (特定健診) by district, sex and age band over three fiscal years, the districts with
// their nearest venue, and a raw extract that still carries names, addresses, phone numbers
// and birth dates, so the personal-information scan has something real to catch. Everything is
// synthetic (seeded generator): no real person, address or number. Run: npm run materials:datasets
import fs from "node:fs";
import path from "node:path";
import { seededRandom } from "../prisma/seed/random";

const DIR = path.resolve("materials/datasets");

const rnd = seededRandom(20260401);

/** Districts of みらい町 with their venue distance: the far, hilly ones check up less. */
const DISTRICTS = [
  { name: "中央", population: 9800, venue: "みらい町保健センター", km: 0.8, buses: 48, access: 1.0 },
  { name: "駅前", population: 7600, venue: "みらい町保健センター", km: 1.6, buses: 40, access: 0.98 },
  { name: "東が丘", population: 5400, venue: "東が丘公民館", km: 1.2, buses: 22, access: 0.95 },
  { name: "西浜", population: 4300, venue: "西浜コミュニティセンター", km: 2.1, buses: 18, access: 0.92 },
  { name: "南台", population: 3900, venue: "みらい町保健センター", km: 4.8, buses: 12, access: 0.84 },
  { name: "北原", population: 2600, venue: "北原集会所（年2回）", km: 6.5, buses: 6, access: 0.76 },
  { name: "山ノ内", population: 1400, venue: "みらい町保健センター", km: 11.2, buses: 4, access: 0.66 },
  { name: "川上", population: 900, venue: "みらい町保健センター", km: 14.0, buses: 3, access: 0.62 },
];
const AGE_BANDS = ["40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74"];
/** Working age checks up least: the pattern the practice analysis should find. */
const AGE_RATE = [0.22, 0.24, 0.27, 0.31, 0.4, 0.49, 0.53];
const YEARS = [2023, 2024, 2025];

const BOM = "\uFEFF";
const csv = (rows: (string | number)[][]) => BOM + rows.map((r) => r.join(",")).join("\r\n") + "\r\n";

function aggregate() {
  const rows: (string | number)[][] = [["年度", "地区", "性別", "年齢階級", "対象者数", "受診者数", "受診率（%）"]];
  for (const year of YEARS) {
    for (const d of DISTRICTS) {
      for (const sex of ["男", "女"]) {
        AGE_BANDS.forEach((band, i) => {
          // national health insurance members per band: older bands are larger (retirees join)
          const share = [0.045, 0.045, 0.05, 0.055, 0.075, 0.11, 0.12][i]!;
          const eligible = Math.max(5, Math.round((d.population / 2) * share * (0.9 + rnd() * 0.2)));
          const rate = AGE_RATE[i]! * d.access * (sex === "女" ? 1.08 : 0.95) * (1 + (year - 2023) * 0.02) * (0.94 + rnd() * 0.12);
          const examined = Math.min(eligible, Math.round(eligible * rate));
          rows.push([`${year}`, d.name, sex, band, eligible, examined, ((examined / eligible) * 100).toFixed(1)]);
        });
      }
    }
  }
  return csv(rows);
}

function venues() {
  const rows: (string | number)[][] = [["地区", "人口（人）", "最寄りの健診会場", "会場までの距離（km）", "会場方面のバス便数（1日）", "休日健診の実施"]];
  for (const d of DISTRICTS) rows.push([d.name, d.population, d.venue, d.km.toFixed(1), d.buses, d.km < 2 ? "あり（年4回）" : "なし"]);
  return csv(rows);
}

const FAMILY = ["青木", "石川", "上田", "遠藤", "大野", "岡本", "川口", "木下", "久保", "小島", "坂本", "清水", "杉山", "高木", "竹内", "千葉", "土屋", "中島", "西村", "野口", "橋本", "平野", "福田", "前田", "松井", "三浦", "村上", "森田", "安田", "横山"];
const FAMILY_KANA = ["アオキ", "イシカワ", "ウエダ", "エンドウ", "オオノ", "オカモト", "カワグチ", "キノシタ", "クボ", "コジマ", "サカモト", "シミズ", "スギヤマ", "タカギ", "タケウチ", "チバ", "ツチヤ", "ナカジマ", "ニシムラ", "ノグチ", "ハシモト", "ヒラノ", "フクダ", "マエダ", "マツイ", "ミウラ", "ムラカミ", "モリタ", "ヤスダ", "ヨコヤマ"];
const GIVEN = [["一郎", "イチロウ"], ["和子", "カズコ"], ["博", "ヒロシ"], ["幸子", "サチコ"], ["茂", "シゲル"], ["恵子", "ケイコ"], ["隆", "タカシ"], ["洋子", "ヨウコ"], ["実", "ミノル"], ["京子", "キョウコ"], ["聡", "サトシ"], ["直美", "ナオミ"], ["亮", "リョウ"], ["裕子", "ユウコ"], ["剛", "ツヨシ"], ["久美子", "クミコ"]];
const ERAS: [string, number][] = [["昭和", 1925], ["平成", 1988]];

function rawExtract() {
  const rows: (string | number)[][] = [["宛名番号", "氏名", "氏名カナ", "生年月日", "性別", "郵便番号", "住所", "電話番号", "地区", "年齢階級", "受診日"]];
  for (let i = 0; i < 120; i++) {
    const f = Math.floor(rnd() * FAMILY.length);
    const [given, givenKana] = GIVEN[Math.floor(rnd() * GIVEN.length)]!;
    const sex = GIVEN.findIndex(([g]) => g === given) % 2 === 0 ? "男" : "女";
    const d = DISTRICTS[Math.floor(rnd() * DISTRICTS.length)]!;
    const age = 40 + Math.floor(rnd() * 35);
    const birthYear = 2025 - age;
    const [era, base] = birthYear >= 1989 ? ERAS[1]! : ERAS[0]!;
    const birth = `${era}${birthYear - base}年${1 + Math.floor(rnd() * 12)}月${1 + Math.floor(rnd() * 28)}日`;
    const band = AGE_BANDS[Math.min(6, Math.floor((age - 40) / 5))]!;
    const examined = rnd() < AGE_RATE[Math.min(6, Math.floor((age - 40) / 5))]! * d.access;
    // numbers in ranges that are not assigned (local exchange 00, mobile 090-0…): no one's phone
    const phone = rnd() < 0.6 ? `0799-00-${String(1000 + Math.floor(rnd() * 8999))}` : `090-0${String(100 + Math.floor(rnd() * 899))}-${String(1000 + Math.floor(rnd() * 8999))}`;
    const examDate = examined ? `2025/${6 + Math.floor(rnd() * 5)}/${1 + Math.floor(rnd() * 28)}` : "";
    rows.push([
      String(900000 + i * 37),
      `${FAMILY[f]} ${given}`,
      `${FAMILY_KANA[f]} ${givenKana}`,
      birth,
      sex,
      // 000-: a postal code that does not exist
      `000-00${String(DISTRICTS.indexOf(d) * 11).padStart(2, "0")}`,
      `さくら県みらい町${d.name}${1 + Math.floor(rnd() * 5)}丁目${1 + Math.floor(rnd() * 20)}番${1 + Math.floor(rnd() * 15)}号`,
      phone,
      d.name,
      band,
      examDate,
    ]);
  }
  return csv(rows);
}

fs.mkdirSync(DIR, { recursive: true });
fs.writeFileSync(path.join(DIR, "miraicho-kenshin-chiku-nendai.csv"), aggregate());
fs.writeFileSync(path.join(DIR, "miraicho-chiku-kaijo.csv"), venues());
fs.writeFileSync(path.join(DIR, "miraicho-kenshin-kojin-chushutsu.csv"), rawExtract());
process.stdout.write(`Wrote the practice dataset to ${DIR}\n`);
