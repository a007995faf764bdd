import assert from 'node:assert/strict';
import { docxHtmlParagraphs } from '../../../../src/core/import/docx-html';

describe('import: the HTML of a Word document', () => {
  it('gives one paragraph per Word paragraph, heading and list item; a line break stays a line break', () => {
    const html = '<h1>Interview SH02</h1><p><strong>Interviewer:</strong> How big is the cluster?</p><p>SH02: Eight practices<br />and about 50,000 patients &amp; growing.</p><ul><li>note: recorded in person</li></ul>';
    assert.deepEqual(docxHtmlParagraphs(html, 'drop'), ['Interview SH02', 'Interviewer: How big is the cluster?', 'SH02: Eight practices\nand about 50,000 patients & growing.', 'note: recorded in person']);
  });

  it('makes a speaker | text table row a turn, with its time cell dropped or kept', () => {
    const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td><p>${c}</p></td>`).join('')}</tr>`;
    const html = `<table>${row('00:00:05', 'Interviewer', 'Who funds the facilitator?')}${row('SH04', '00:01:10', 'The HSCP, for now.')}${row('Date', '12 May 2021')}</table>`;
    assert.deepEqual(docxHtmlParagraphs(html, 'drop'), ['Interviewer: Who funds the facilitator?', 'SH04: The HSCP, for now.', 'Date: 12 May 2021']);
    assert.deepEqual(docxHtmlParagraphs(html, 'keep'), ['Interviewer: [00:00:05] Who funds the facilitator?', 'SH04: [00:01:10] The HSCP, for now.', 'Date: 12 May 2021']);
  });

  it('keeps footnote numbers and texts, but not their back-links', () => {
    const html = '<p>P1: The 2018 contract<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> changed that.</p><ol><li id="footnote-1"><p>The GMS contract. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    assert.deepEqual(docxHtmlParagraphs(html, 'drop'), ['P1: The 2018 contract[1] changed that.', 'The GMS contract.']);
  });
});
