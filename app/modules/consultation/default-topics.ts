// No imports: the seed reads this too.

/** The guidebook's categories, seeded once; coordinators rename, add and archive them. */
export const DEFAULT_TOPICS = [
  { label: "アンケートの活用", labelEn: "Using surveys" },
  { label: "データ分析基盤", labelEn: "Data analysis platform" },
  { label: "データ保有期間", labelEn: "Data retention periods" },
  { label: "小規模団体のデータ活用", labelEn: "Data use in small municipalities" },
  { label: "体制・人材育成", labelEn: "Organisation and staff development" },
  { label: "特定分野", labelEn: "A specific field" },
] as const;
