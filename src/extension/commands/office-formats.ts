import type { ExportFormatItem } from './export-to-file';

/** The Word and Excel formats every table export offers, written by the office writers (loaded only for them). */
export function officeFormats(what: { xlsx: string; docx: string }): ExportFormatItem<'xlsx' | 'docx'>[] {
  return [
    { format: 'xlsx', filter: 'Excel workbook', label: 'Excel workbook', description: '.xlsx', detail: what.xlsx },
    { format: 'docx', filter: 'Word document', label: 'Word document', description: '.docx', detail: what.docx },
  ];
}
