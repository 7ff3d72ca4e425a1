import PDFDocument from 'pdfkit';
import type { DeterminationDocument, DocumentTable } from './determination-document.util';

const MARGIN = 50;
const BODY = 9;
const CELL_GAP = 4;

/** Renders the determination on A4, tables breaking across pages with their header repeated. */
export function determinationPdf(document: DeterminationDocument, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  const row = (cells: string[], widths: number[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] * width - CELL_GAP }));
    const height = Math.max(...heights) + CELL_GAP;
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: widths[i] * width - CELL_GAP });
      x += widths[i] * width;
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };

  const table = (t: DocumentTable) => {
    if (t.rows.length === 0) {
      doc.font('Helvetica').fontSize(BODY).text(t.empty, MARGIN);
      return;
    }
    row(t.columns, t.widths, true);
    for (const cells of t.rows) {
      if (doc.y + 2 * BODY > bottom()) {
        doc.addPage();
        row(t.columns, t.widths, true);
      }
      row(cells, t.widths, false);
    }
    if (t.note) doc.moveDown(0.3).font('Helvetica-Bold').fontSize(BODY).text(t.note, MARGIN);
  };

  doc.font('Helvetica-Bold').fontSize(18).text(document.title);
  doc.font('Helvetica').fontSize(11).text(document.subtitle);
  for (const section of document.sections) {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(section.heading, MARGIN).moveDown(0.3);
    for (const [label, value] of section.fields ?? [])
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`${label}: `, MARGIN, undefined, { continued: true })
        .font('Helvetica-Bold')
        .text(value);
    if (section.table) table(section.table);
  }
  doc.moveDown(1.2).font('Helvetica-Oblique').fontSize(8).text(document.footer, MARGIN);
  doc.end();
  return done;
}
