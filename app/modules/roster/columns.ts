// Roster columns: Japanese headers (as in the template) or English ones.
export const ROSTER_COLUMNS = [
  { key: "displayName", headers: ["氏名", "name", "display_name"], required: true },
  { key: "kana", headers: ["ふりがな", "フリガナ", "kana"], required: false },
  { key: "email", headers: ["メールアドレス", "email", "e-mail"], required: true },
  { key: "municipalityCode", headers: ["団体コード", "地方公共団体コード", "municipality_code"], required: true },
  { key: "department", headers: ["所属部署", "部署", "department"], required: true },
  { key: "teamName", headers: ["チーム名", "team"], required: true },
  { key: "teamRole", headers: ["チーム内の役割", "役割", "team_role"], required: false },
  { key: "themeTitle", headers: ["テーマ", "チームのテーマ", "theme"], required: false },
] as const;

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

export const TEMPLATE_HEADERS = ["氏名", "ふりがな", "メールアドレス", "団体コード", "所属部署", "チーム名", "チーム内の役割"];
export const TEMPLATE_EXAMPLE = ["髙橋 誠", "たかはし まこと", "takahashi@example.lg.jp", "282014", "健康福祉局 健康課", "受診率向上チーム", "課題所管部署"];
export const TEMPLATE_SHEET_NAME = "名簿";
export const TEMPLATE_FILE_NAME = "名簿テンプレート";
