// Roster columns: the template's Japanese headers, the usual variants found in municipal
// Excel files, or English ones. Headers are compared after removing spaces and brackets, so
// 「氏名（漢字）」 and 「氏名 (漢字)」 are the same. Anything else goes to the column-mapping step.
export const ROSTER_COLUMNS = [
  { key: "displayName", headers: ["氏名", "氏名漢字", "名前", "お名前", "職員名", "name", "display_name", "full_name"], required: true },
  { key: "kana", headers: ["ふりがな", "フリガナ", "氏名ふりがな", "氏名フリガナ", "よみがな", "ヨミガナ", "カナ", "氏名カナ", "kana"], required: false },
  { key: "email", headers: ["メールアドレス", "メール", "mail", "email", "e-mail", "電子メール", "eメール", "メールアドレス（職場）"], required: true },
  { key: "municipalityCode", headers: ["団体コード", "地方公共団体コード", "全国地方公共団体コード", "自治体コード", "市区町村コード", "municipality_code", "lg_code"], required: false },
  { key: "municipalityName", headers: ["団体名", "自治体名", "市区町村名", "地方公共団体名", "所属団体", "municipality"], required: false },
  { key: "department", headers: ["所属部署", "部署", "部署名", "所属", "所属課", "課名", "department"], required: true },
  { key: "teamName", headers: ["チーム名", "チーム", "team", "team_name"], required: true },
  { key: "teamRole", headers: ["チーム内の役割", "役割", "team_role", "role"], required: false },
  { key: "themeTitle", headers: ["テーマ", "チームのテーマ", "取り組むテーマ", "課題テーマ", "theme"], required: false },
] as const;

/**
 * Names kept in two columns, as most municipal rosters do (姓 | 名, セイ | メイ): each pair maps
 * onto one field, joined with a space. Compared with headerKey, so half-width ｾｲ is セイ.
 */
export const NAME_PARTS = [
  { key: "displayName", family: ["姓", "氏", "苗字", "名字", "family_name", "last_name", "surname"], given: ["名", "名前（名）", "given_name", "first_name"] },
  {
    key: "kana",
    family: ["セイ", "せい", "姓ふりがな", "姓フリガナ", "姓カナ", "ふりがな姓", "フリガナ姓", "カナ姓", "ふりがな（姓）", "フリガナ（姓）", "family_kana"],
    given: ["メイ", "めい", "名ふりがな", "名フリガナ", "名カナ", "ふりがな名", "フリガナ名", "カナ名", "ふりがな（名）", "フリガナ（名）", "given_kana"],
  },
] as const;

/** Fields that may be joined from two columns in the mapping step. */
export const JOINABLE_KEYS = ["displayName", "kana"] as const;

/** A government is identified by its code or, failing that, its name. */
export const MUNICIPALITY_KEYS = ["municipalityCode", "municipalityName"] as const;

/** Compare headers without spaces, brackets and case: 「氏名（漢字）」 = 「氏名 (漢字)」 = 「氏名漢字」. */
export function headerKey(header: string) {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u3000()（）［］[\]「」【】:：*＊※]/g, "");
}

export type RosterKey = (typeof ROSTER_COLUMNS)[number]["key"];

export const TEAM_ROLE_WORDS: Record<string, "problem_owner" | "data_holder" | "other"> = {
  課題所管部署: "problem_owner",
  課題所管: "problem_owner",
  problem_owner: "problem_owner",
  データ保有部署: "data_holder",
  データ保有: "data_holder",
  data_holder: "data_holder",
  その他: "other",
  other: "other",
  "": "other",
};

export const TEMPLATE_HEADERS = ["氏名", "ふりがな", "メールアドレス", "団体コード", "所属部署", "チーム名", "チーム内の役割", "テーマ"];
export const TEMPLATE_EXAMPLE = ["髙橋 誠", "たかはし まこと", "takahashi@example.lg.jp", "282014", "健康福祉局 健康課", "受診率向上チーム", "課題所管部署", "健康診断受診のハードルが高い"];
export const TEMPLATE_SHEET_NAME = "名簿";
export const TEMPLATE_FILE_NAME = "名簿テンプレート";
