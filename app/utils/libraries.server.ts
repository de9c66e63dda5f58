// Libraries only a few requests need, loaded on their first use instead of at start (issue 28):
// importing exceljs, pdfkit and markdown-it cost ~0.9 s of every server start and their code
// stays in every worker's memory. Node keeps a module once loaded: later calls cost nothing.

export const loadExcel = async () => (await import("exceljs")).default;
export const loadPdfKit = async () => (await import("pdfkit")).default;
export const loadMarkdownIt = async () => (await import("markdown-it")).default;
export const loadFileType = () => import("file-type");
