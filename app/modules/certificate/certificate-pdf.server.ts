import { createRequire } from "node:module";
import { loadPdfKit } from "~/utils/libraries.server";
import yazl from "yazl";
import type { TFunction } from "~/utils/i18n";
import { formatEraDate, type AppLocale } from "~/utils/dates";
import { safeFileName } from "~/modules/files/file-type.server";
import { certificateNumber, type CertificateRow } from "./certificate.server";

// A completion certificate (修了証) as an A4 PDF with Noto Sans JP embedded (subset: only the
// glyphs used, about 20 KB a certificate), and every certificate of an academy as one zip.
// The font ships through npm (@expo-google-fonts/noto-sans-jp, SIL OFL); nothing is fetched.

const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf"),
};

export interface CertificateFacts {
  certificate: CertificateRow;
  academyName: string;
  fiscalYearLabel: string;
  firstSession: Date | null;
  lastSession: Date | null;
  sessionCount: number;
  issuer: string;
}

function dateText(date: Date, locale: AppLocale) {
  return locale === "ja" ? formatEraDate(date) : new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Tokyo" }).format(date);
}

export async function certificatePdf(facts: CertificateFacts, t: TFunction, locale: AppLocale): Promise<Buffer> {
  const { certificate: c } = facts;
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    info: { Title: t("certificate.pdf.title"), Author: facts.issuer, Subject: facts.academyName, Creator: "Data Academy Manager" },
  });
  doc.registerFont("regular", FONT.regular);
  doc.registerFont("bold", FONT.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width;
  const height = doc.page.height;
  const inner = { x: 72, width: width - 144 };
  // a double frame, as printed certificates have
  doc.lineWidth(3).rect(28, 28, width - 56, height - 56).stroke("#1a1a1a");
  doc.lineWidth(0.8).rect(36, 36, width - 72, height - 72).stroke("#1a1a1a");

  doc.font("regular").fontSize(11).fillColor("#1a1a1a").text(t("certificate.pdf.number", { number: certificateNumber(c.fiscalYear, c.serial) }), inner.x, 64, { width: inner.width, align: "right" });
  doc.font("bold").fontSize(40).text(t("certificate.pdf.title"), inner.x, 130, { width: inner.width, align: "center", characterSpacing: locale === "ja" ? 24 : 2 });

  const holder = [c.municipalityName, c.department].filter(Boolean).join(t("certificate.pdf.holderSeparator"));
  let y = 260;
  if (holder) {
    doc.font("regular").fontSize(14).text(holder, inner.x, y, { width: inner.width, align: "left" });
    y += 28;
  }
  doc.font("bold").fontSize(26).text(t("certificate.pdf.name", { name: c.displayName }), inner.x, y, { width: inner.width, align: "left" });
  y += 80;

  const period =
    facts.firstSession && facts.lastSession
      ? t("certificate.pdf.period", { from: dateText(facts.firstSession, locale), to: dateText(facts.lastSession, locale), count: facts.sessionCount })
      : "";
  doc.font("regular").fontSize(15).text(t("certificate.pdf.body", { fy: facts.fiscalYearLabel, academy: facts.academyName, period }), inner.x, y, { width: inner.width, align: "left", lineGap: 10 });

  doc.font("regular").fontSize(14).text(dateText(c.issuedAt, locale), inner.x, height - 250, { width: inner.width, align: "left" });
  doc.font("bold").fontSize(18).text(facts.issuer, inner.x, height - 190, { width: inner.width, align: "right" });
  doc.end();
  return finished;
}

export function certificateFileName(t: TFunction, c: Pick<CertificateRow, "fiscalYear" | "serial" | "displayName">) {
  return safeFileName(`${t("certificate.pdf.title")}_${certificateNumber(c.fiscalYear, c.serial)}_${c.displayName}.pdf`.replace(/\s+/g, ""));
}

/** Every certificate as one zip (about 20 KB a person, so an academy's fits in memory). */
export async function certificatesZip(items: { facts: CertificateFacts; t: TFunction; locale: AppLocale }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const chunks: Buffer[] = [];
  zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
  for (const { facts, t, locale } of items) zip.addBuffer(await certificatePdf(facts, t, locale), certificateFileName(t, facts.certificate), { mtime: facts.certificate.issuedAt });
  zip.end();
  return finished;
}
