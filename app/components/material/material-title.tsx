import { useLocale } from "~/utils/use-locale";

/** The material's title and summary in the reader's language (Japanese when no English exists). */
export function useMaterialText() {
  const locale = useLocale();
  return (m: { title: string; titleEn: string; summary: string; summaryEn: string }) => ({
    title: locale === "en" && m.titleEn ? m.titleEn : m.title,
    summary: locale === "en" && m.summaryEn ? m.summaryEn : m.summary,
  });
}

export function formatBytes(size: number) {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
