import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type ChartSpec, type ReportChart, renderChart } from './report.charts.js';

/** The report as blocks, independent of Word: the model decides what to say, this file only how it looks. */
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  /** widths: relative column widths (default equal). */
  | { kind: 'table'; caption: string; header: string[]; rows: (string | number)[][]; widths?: number[] }
  | { kind: 'chart'; caption: string; chart: ChartSpec };

export interface ReportModel {
  title: string;
  subtitle: string;
  blocks: Block[];
}

// Official documents in China: 方正小标宋/黑体 for titles, 仿宋 for the body; Word substitutes where missing.
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const CHART_WIDTH_PX = 600;
/** A4 width less the default margins, in twips. */
const TEXT_WIDTH_TWIPS = 9026;

function cell(text: string | number, header: boolean, numeric: boolean, size: number, width: number): TableCell {
  return new TableCell({
    // LibreOffice sizes columns by the cells' widths, Word by the grid: give both
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8EEF7', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: numeric && !header ? AlignmentType.RIGHT : AlignmentType.CENTER,
        children: [new TextRun({ text: String(text), bold: header, size, font: BODY_FONT })],
      }),
    ],
  });
}

function table(block: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const numericColumns = block.header.map((_, i) => block.rows.some((r) => typeof r[i] === 'number'));
  const weights = block.widths ?? block.header.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const twips = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH_TWIPS));
  // wide tables in a smaller size (9 pt) so that names stay on one or two lines
  const size = block.header.length > 6 ? 18 : 20;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 60 },
      children: [new TextRun({ text: block.caption, bold: true, size: 21, font: HEADING_FONT })],
    }),
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      columnWidths: twips,
      rows: [
        new TableRow({
          tableHeader: true,
          children: block.header.map((h, i) => cell(h, true, false, size, twips[i] ?? 0)),
        }),
        ...block.rows.map(
          (r) =>
            new TableRow({
              children: r.map((v, i) => cell(v, false, numericColumns[i] ?? false, size, twips[i] ?? 0)),
            }),
        ),
      ],
    }),
  ];
}

function chart(block: Extract<Block, { kind: 'chart' }>, image: ReportChart): Paragraph[] {
  const { svg, png, width, height } = image;
  const scale = CHART_WIDTH_PX / width;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg),
          fallback: { type: 'png', data: png },
          transformation: { width: CHART_WIDTH_PX, height: Math.round(height * scale) },
          altText: { name: block.caption, title: block.caption, description: block.caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: block.caption, size: 20, font: BODY_FONT })],
    }),
  ];
}

function render(block: Block, images: ReadonlyMap<Block, ReportChart>): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: { before: 240, after: 120 },
          children: [
            new TextRun({ text: block.text, bold: true, size: block.level === 1 ? 32 : 28, font: HEADING_FONT }),
          ],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 480 },
          children: [new TextRun({ text: block.text, size: 28, font: BODY_FONT })],
        }),
      ];
    case 'note':
      return [
        new Paragraph({ children: [new TextRun({ text: block.text, size: 18, italics: true, font: BODY_FONT })] }),
      ];
    case 'table':
      return table(block);
    case 'chart': {
      const image = images.get(block);
      return image ? chart(block, image) : [];
    }
  }
}

/** Writes the model as a .docx (A4, page numbers in the footer), drawing its charts first, in parallel. */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const charts = model.blocks.filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart');
  const drawn = await Promise.all(charts.map((b) => renderChart(b.chart)));
  const images = new Map<Block, ReportChart>(charts.map((b, i) => [b, drawn[i] as ReportChart]));
  const doc = new Document({
    title: model.title,
    creator: 'Yufang 工伤预防综合管理平台',
    styles: { default: { document: { run: { font: BODY_FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 20 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 120 },
            children: [new TextRun({ text: model.title, bold: true, size: 40, font: HEADING_FONT })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: model.subtitle, size: 24, font: BODY_FONT })],
          }),
          ...model.blocks.flatMap((b) => render(b, images)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
