import PDFDocument from 'pdfkit';
import type { AgreementDocument } from './agreement-document.util';

const LEFT = 50;
const COLUMN_X = [LEFT, 250, 400] as const;

/** The convenio on A4, printable: headed sections, the schedule as a table, terms and signature lines. */
export function agreementDocumentPdf(
  document: AgreementDocument,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: LEFT,
    compress: options.compress ?? true,
    info: { Title: `${document.title} — ${document.subtitle}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * LEFT;

  const heading = (text: string) =>
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(text, LEFT, undefined, { width })
      .moveDown(0.3);
  const paragraph = (text: string) =>
    doc.font('Helvetica').fontSize(10).text(text, LEFT, undefined, { width, align: 'justify' }).moveDown(0.3);

  doc.font('Helvetica-Bold').fontSize(18).text(document.title, { width });
  doc.font('Helvetica').fontSize(10).text(document.subtitle, { width });

  for (const section of document.sections) {
    heading(section.heading);
    for (const line of section.lines)
      doc.font('Helvetica').fontSize(10).text(line, LEFT, undefined, { width });
  }

  heading(document.schedule.heading);
  const row = (cells: readonly string[], bold: boolean) => {
    if (doc.y > doc.page.height - 100) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, i) =>
      doc.text(cell, COLUMN_X[i], y, { width: i === 2 ? width - 350 : 190, lineBreak: false }),
    );
    doc.x = LEFT;
    doc.y = y + 16;
  };
  row(document.schedule.columns, true);
  for (const cells of document.schedule.rows) row(cells, false);
  doc.font('Helvetica-Bold').fontSize(10).text(document.schedule.total, LEFT, undefined, { width });

  heading(document.scope.heading);
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(document.scope.text, LEFT, undefined, { width, align: 'justify' });

  heading(document.legal.heading);
  for (const text of document.legal.paragraphs) paragraph(text);

  if (doc.y > doc.page.height - 150) doc.addPage();
  const y = doc.y + 60;
  document.signatures.forEach((label, i) => {
    const x = LEFT + i * (width / 2 + 10);
    doc
      .moveTo(x, y)
      .lineTo(x + width / 2 - 20, y)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(label, x, y + 4, { width: width / 2 - 20, lineBreak: false });
  });

  doc.end();
  return done;
}
