import { formatMoney, type Locale, type RecoveryDashboard, type SweepRow } from '@recupera/shared';
import PDFDocument from 'pdfkit';

/** Everything the client's monthly productivity report shows. */
export interface ProductivityReport {
  clientName: string;
  month: string;
  generatedAt: Date;
  goalMinor: number | null;
  dashboard: RecoveryDashboard;
  /** The client's whole sweep (every portfolio together). */
  sweep: Pick<SweepRow, 'assigned' | 'attempted' | 'rightParty' | 'sweepRate' | 'contactedSweepRate'>;
  noPaymentReasons: { label: string; count: number }[];
}

const TEXT = {
  es: {
    title: 'Informe de productividad',
    month: 'Mes',
    generated: 'Generado',
    recovery: 'Recuperación',
    recovered: 'Recuperado',
    goal: 'Meta',
    attainment: 'Cumplimiento',
    previous: 'Mes anterior',
    sweep: 'Recorrido de cartera',
    assigned: 'Cuentas asignadas',
    attempted: 'Cuentas gestionadas',
    contacted: 'Recorrido contactado',
    rates: 'Contacto y promesas',
    contactRate: 'Tasa de contacto',
    rpcRate: 'Contacto con titular',
    promiseRate: 'Tasa de promesa',
    keptRate: 'Cumplimiento de cuotas',
    portfolios: 'Por cartera',
    reasons: 'Principales motivos de no pago',
    none: 'Sin registros en el mes.',
    noGoal: 'sin meta',
  },
  en: {
    title: 'Productivity report',
    month: 'Month',
    generated: 'Generated',
    recovery: 'Recovery',
    recovered: 'Recovered',
    goal: 'Goal',
    attainment: 'Attainment',
    previous: 'Previous month',
    sweep: 'Portfolio sweep',
    assigned: 'Accounts assigned',
    attempted: 'Accounts attempted',
    contacted: 'Contacted sweep',
    rates: 'Contact and promises',
    contactRate: 'Contact rate',
    rpcRate: 'Right-party contact rate',
    promiseRate: 'Promise rate',
    keptRate: 'Kept rate',
    portfolios: 'By portfolio',
    reasons: 'Top reasons for no payment',
    none: 'Nothing recorded this month.',
    noGoal: 'no goal',
  },
} as const;

function percent(value: number | null, locale: Locale): string {
  return value === null
    ? '—'
    : new Intl.NumberFormat(locale === 'es' ? 'es-CO' : 'en-US', {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(value);
}

/** The client's month on paper: recovery against the goal, sweep, contact and promise rates, reasons. */
export function productivityReportPdf(report: ProductivityReport, locale: Locale): Promise<Buffer> {
  const t = TEXT[locale];
  const money = (amountMinor: number) =>
    formatMoney({ amountMinor, currency: report.dashboard.currency }, locale);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${t.title} ${report.clientName} ${report.month}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
  const line = (label: string, value: string) =>
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('Helvetica-Bold')
      .text(value);

  doc.font('Helvetica-Bold').fontSize(18).text(`${t.title} — ${report.clientName}`);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      `${t.month}: ${report.month}    ${t.generated}: ${report.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );

  const totals = report.dashboard.totals;
  heading(t.recovery);
  line(t.recovered, money(totals.recoveredMinor));
  line(t.goal, report.goalMinor === null ? t.noGoal : money(report.goalMinor));
  line(t.attainment, percent(report.goalMinor ? totals.recoveredMinor / report.goalMinor : null, locale));
  line(t.previous, money(totals.previousMonthMinor));

  heading(t.sweep);
  line(t.assigned, String(report.sweep.assigned));
  line(t.attempted, `${report.sweep.attempted} (${percent(report.sweep.sweepRate, locale)})`);
  line(t.contacted, percent(report.sweep.contactedSweepRate, locale));

  const funnel = report.dashboard.funnel;
  heading(t.rates);
  line(t.contactRate, percent(funnel.contactRate, locale));
  line(t.rpcRate, percent(funnel.rpcRate, locale));
  line(t.promiseRate, percent(funnel.promiseRate, locale));
  line(t.keptRate, percent(funnel.keptRate, locale));

  heading(t.portfolios);
  for (const p of report.dashboard.sweep.portfolios)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${p.name}: ${p.attempted}/${p.assigned} (${percent(p.sweepRate, locale)})`);

  heading(t.reasons);
  if (report.noPaymentReasons.length === 0) doc.font('Helvetica').fontSize(10).text(t.none);
  report.noPaymentReasons.forEach((r, i) =>
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${i + 1}. ${r.label} — ${r.count}`),
  );

  doc.end();
  return done;
}
