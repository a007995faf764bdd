/**
 * The side pane: the selected cell's summary, editable, and its coded segments (which the host
 * sends when the cell is selected), each opening its document at the segment. A code's cell
 * (a theme expanded to its codes) shows that code's segments; its theme's cell holds the summary. The host sends the whole matrix after every change (a save
 * included), so the pane is careful not to undo what the person is typing: new data replaces
 * the summary only if the text area still holds what was last loaded into it.
 */
import type { MatrixCitationView, MatrixQuoteView, MatrixViewData } from '../../src/protocol';
import { MAX_SUMMARY_LENGTH } from '../../src/protocol';
import { el, replaceContent, setAttribute, setText } from '../common/dom';
import { cellKeyString, cellOf, sameCell, sameSummary, waveLabel, type CellKey } from './matrix-model';

const SUMMARY_PLACEHOLDER = 'Summarise what this case says about the theme…';

/** A cell's segments as the host sent them, and the segments its summary cites. */
export interface CellSegments {
  readonly quotes: readonly MatrixQuoteView[];
  readonly cited: readonly MatrixCitationView[];
}

export interface CellDetailOptions {
  /** Save `summary` as the case's summary of the cell's theme. */
  readonly onSave: (key: CellKey, summary: string) => void;
  /** Open a document at a segment. */
  readonly onOpen: (quote: { readonly file: string; readonly id: string }) => void;
}

export class CellDetail {
  readonly element: HTMLElement;

  private readonly heading: HTMLHeadingElement;
  private readonly placeholder: HTMLParagraphElement;
  private readonly body: HTMLDivElement;
  private readonly summarySection: HTMLDivElement;
  private readonly textarea: HTMLElementTagNameMap['vscode-textarea'];
  private readonly saveButton: HTMLElementTagNameMap['vscode-button'];
  private readonly readOnlyNote: HTMLParagraphElement;
  private readonly saveState: HTMLSpanElement;
  private readonly quoteCount: HTMLElementTagNameMap['vscode-badge'];
  private readonly quoteList: HTMLUListElement;
  private readonly citedSection: HTMLDivElement;
  private readonly citedList: HTMLUListElement;

  private key: CellKey | undefined;
  private root = '';
  private readOnly = false;
  /** The summary the host last sent for the shown cell: the text area is unsaved if it differs. */
  private baseline = '';
  /** The text last sent to be saved, until the next matrix arrives. */
  private pending: string | undefined;
  /** The quotes drawn, to redraw the list (and so the live region) only when they change. */
  private quotesSignature = '';
  private citedSignature = '';
  /** Unsaved summaries of cells the person moved away from, by cell, to restore on return. */
  private readonly drafts = new Map<string, string>();

  constructor(private readonly options: CellDetailOptions) {
    this.heading = el('h2', { className: 'detail-heading', testId: 'detail-heading', text: 'Cell', attrs: { id: 'cell-detail-heading' } });
    this.placeholder = el('p', { className: 'muted', testId: 'no-selection', text: 'Select a cell to read its summary and segments here.' });
    // Not resizable: the component draws its resize grip from a data: URL, which the panel's
    // CSP (img-src: the extension's own files) blocks and reports as a violation.
    this.textarea = el('vscode-textarea', {
      testId: 'summary',
      attrs: { rows: 8, resize: 'none', maxlength: MAX_SUMMARY_LENGTH, placeholder: SUMMARY_PLACEHOLDER },
    });
    // The inner textarea's aria-label: a property only (the component ignores a `label` attribute).
    this.textarea.label = 'Summary';
    this.saveButton = el('vscode-button', { testId: 'save-summary', text: 'Save summary' });
    this.saveState = el('span', { className: 'save-state muted', testId: 'save-state' });
    this.readOnlyNote = el('p', { className: 'muted', testId: 'read-only', text: 'Restricted Mode: summaries cannot be edited.', attrs: { hidden: true } });
    this.quoteCount = el('vscode-badge', { testId: 'quote-count', text: '0', attrs: { variant: 'counter' } });
    this.quoteList = el('ul', { className: 'quotes', testId: 'quotes' });
    this.citedList = el('ul', { className: 'quotes cited', testId: 'cited', attrs: { 'aria-labelledby': 'cited-heading' } });
    this.citedSection = el(
      'div',
      { className: 'cited-section', attrs: { hidden: true } },
      el('h3', { className: 'detail-subheading', text: 'Cited in the summary', attrs: { id: 'cited-heading' } }),
      this.citedList,
    );
    this.summarySection = el(
      'div',
      { className: 'summary-section' },
      el('h3', { className: 'detail-subheading', text: 'Summary', attrs: { id: 'summary-heading' } }),
      this.textarea,
      el('div', { className: 'summary-actions' }, this.saveButton, this.saveState),
      this.readOnlyNote,
      this.citedSection,
    );
    this.body = el(
      'div',
      { className: 'detail-body', attrs: { hidden: true } },
      this.summarySection,
      el('h3', { className: 'detail-subheading' }, 'Segments ', this.quoteCount),
      this.quoteList,
    );
    this.element = el(
      'aside',
      { className: 'cell-detail', testId: 'cell-detail', attrs: { 'aria-live': 'polite', 'aria-labelledby': 'cell-detail-heading' } },
      this.heading,
      this.placeholder,
      this.body,
    );

    this.saveButton.addEventListener('click', () => this.save());
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.save();
      }
    });
    this.textarea.addEventListener('input', () => this.updateSaveState());
    listenForQuoteOpen(this.quoteList, this.options.onOpen);
    listenForQuoteOpen(this.citedList, this.options.onOpen);
    this.quoteList.addEventListener('click', (event) => {
      const cite = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-cite]') : null;
      if (cite?.dataset.file !== undefined && cite.dataset.id !== undefined) this.cite(cite.dataset.file, cite.dataset.id);
    });
  }

  /**
   * Shows the cell `key` of `data` (or the hint to select one), with its segments and the
   * segments its summary cites: `segments`, or undefined while they are on their way from the host.
   */
  show(data: MatrixViewData | null, key: CellKey | undefined, segments: CellSegments | undefined): void {
    const quotes = segments?.quotes;
    if (data && data.root !== this.root) {
      // Another corpus: drafts of this one's cells must not surface there.
      this.drafts.clear();
      this.root = data.root;
    }
    const row = data && key ? data.rows.find((r) => r.case === key.case && r.wave === key.wave) : undefined;
    const theme = data && key ? data.themes.find((t) => t.id === key.theme) : undefined;
    const codeName = !key || key.code === '' ? '' : theme?.codes.find((c) => c.id === key.code)?.name;
    if (!data || !key || !row || !theme || codeName === undefined) {
      this.leave();
      setText(this.heading, 'Cell');
      this.placeholder.hidden = false;
      this.body.hidden = true;
      return;
    }

    const cell = cellOf(row, theme.id);
    const summary = cell.summary ?? '';
    if (!sameCell(this.key, key)) {
      this.leave();
      this.key = key;
      const draft = this.drafts.get(cellKeyString(key));
      this.drafts.delete(cellKeyString(key));
      this.textarea.value = draft !== undefined && !sameSummary(draft, summary) ? draft : summary;
      this.quotesSignature = '';
      this.citedSignature = '';
    } else if (this.textarea.value === this.baseline && this.textarea.value !== summary) {
      // Same cell, new data, and the person has not typed since it was loaded: show the new summary.
      this.textarea.value = summary;
    }
    // Otherwise the text area keeps their unsaved words (or the saved ones, as the host wrote them).
    this.baseline = summary;
    this.pending = undefined;

    const heading = `${row.case} · ${theme.name}${codeName !== '' ? ` › ${codeName}` : ''} (${waveLabel(data.attribute, row.wave)})`;
    // Setting equal text would still replace the node and make the live region speak again.
    if (this.heading.textContent !== heading) setText(this.heading, heading);
    this.placeholder.hidden = true;
    this.body.hidden = false;

    this.readOnly = data.readOnly;
    setAttribute(this.textarea, 'readonly', data.readOnly);
    setAttribute(this.textarea, 'placeholder', data.readOnly ? 'No summary.' : SUMMARY_PLACEHOLDER);
    setAttribute(this.saveButton, 'disabled', data.readOnly);
    this.readOnlyNote.hidden = !data.readOnly;
    // A code's cell: its segments only; the summary belongs to the theme's cell.
    this.summarySection.hidden = key.code !== '';

    // Segments can be cited only where there is a summary to write them into.
    const citable = !data.readOnly && key.code === '';
    const signature = `${citable}:${quotes === undefined ? 'loading' : JSON.stringify(quotes)}`;
    if (signature !== this.quotesSignature) {
      this.quotesSignature = signature;
      const noQuotes = key.code === '' ? 'No segment of this case is coded with this theme here.' : 'No segment of this case is coded with this code here.';
      setText(this.quoteCount, String(quotes?.length ?? (key.code === '' ? cell.segments : Object.hasOwn(cell.codes, key.code) ? cell.codes[key.code] : 0)));
      renderQuoteList(this.quoteList, quotes, noQuotes, citable ? citeButton : undefined);
    }
    this.showCited(segments?.cited ?? []);
    this.updateSaveState();
  }

  /** The saved summary's citations: each opens its segment; one naming no segment says so. */
  private showCited(cited: readonly MatrixCitationView[]): void {
    const signature = JSON.stringify(cited);
    if (signature === this.citedSignature) return;
    this.citedSignature = signature;
    this.citedSection.hidden = cited.length === 0;
    replaceContent(
      this.citedList,
      ...cited.map((c) =>
        el(
          'li',
          {},
          c.quote
            ? quoteItem(c.quote)
            : el('span', { className: 'broken-citation', testId: 'broken-citation', text: `${c.file}#${c.id}: no segment with this id in the corpus` }),
        ),
      ),
    );
  }

  /** Writes `(file#id)` into the summary at the caret (or at its end), ready to save. */
  private cite(file: string, id: string): void {
    if (!this.key || this.readOnly || this.key.code !== '') return;
    const inner = this.textarea.wrappedElement;
    const value = this.textarea.value;
    const at = Math.min(inner?.selectionEnd ?? value.length, value.length);
    const before = value.slice(0, at);
    const citation = `${before === '' || /\s$/.test(before) ? '' : ' '}(${file}#${id})`;
    this.textarea.value = before + citation + value.slice(at);
    const caret = at + citation.length;
    this.textarea.focus();
    // The component renders its value into the inner text area on its next update.
    void this.textarea.updateComplete.then(() => this.textarea.wrappedElement?.setSelectionRange(caret, caret));
    this.updateSaveState();
  }

  /** Keeps unsaved words of the cell being left, for when the person comes back to it. */
  private leave(): void {
    if (this.key && !sameSummary(this.textarea.value, this.baseline)) this.drafts.set(cellKeyString(this.key), this.textarea.value);
    this.key = undefined;
    this.pending = undefined;
  }

  private save(): void {
    if (!this.key || this.readOnly) return;
    this.pending = this.textarea.value;
    this.options.onSave(this.key, this.pending);
    this.updateSaveState();
  }

  private updateSaveState(): void {
    const value = this.textarea.value;
    const text = sameSummary(value, this.baseline) ? '' : value === this.pending ? 'Saving…' : 'Unsaved changes';
    if (this.saveState.textContent !== text) setText(this.saveState, text);
  }
}

/**
 * Fills a list of segments (the `ul.quotes` of a side pane): `quotes`, or a note while they are
 * on their way from the host (undefined), or `empty` when there are none.
 */
export function renderQuoteList(
  list: HTMLUListElement,
  quotes: readonly MatrixQuoteView[] | undefined,
  empty: string,
  action?: (quote: MatrixQuoteView) => HTMLElement,
): void {
  setAttribute(list, 'aria-busy', quotes === undefined ? 'true' : 'false');
  replaceContent(
    list,
    ...(quotes === undefined
      ? [el('li', { className: 'muted', testId: 'quotes-loading', text: 'Loading the segments…' })]
      : quotes.length === 0
        ? [el('li', { className: 'muted', testId: 'no-quotes', text: empty })]
        : quotes.map((quote) => el('li', action ? { className: 'with-action' } : {}, quoteItem(quote), ...(action ? [action(quote)] : [])))),
  );
}

/** One listener for every quote of a list; a quote is a <button>, so Enter and Space click it too. */
export function listenForQuoteOpen(list: HTMLElement, onOpen: (quote: { readonly file: string; readonly id: string }) => void): void {
  list.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button.quote') : null;
    const file = target?.dataset.file;
    const id = target?.dataset.id;
    if (file !== undefined && id !== undefined) onOpen({ file, id });
  });
}

/** "Cite": puts the segment's `path#id` into the cell's summary. */
function citeButton(quote: MatrixQuoteView): HTMLElement {
  return el('button', {
    className: 'cite',
    testId: 'cite',
    text: 'Cite',
    attrs: { type: 'button', 'data-cite': true, 'data-file': quote.file, 'data-id': quote.id, title: `Cite ${quote.file}#${quote.id} in the summary`, 'aria-label': `Cite this segment in the summary` },
  });
}

/**
 * A segment: its text in quotation marks, then `[code] · file`. Anchored segments are buttons
 * that open the document there; an orphan (its text no longer found) has nowhere to open.
 */
export function quoteItem(quote: MatrixQuoteView): HTMLElement {
  const parts: (Node | string)[] = [];
  if (quote.illustrative) {
    parts.push(
      el('span', { className: 'star', text: '★', attrs: { title: 'Illustrative quote', 'aria-hidden': 'true' } }),
      el('span', { className: 'visually-hidden', text: 'Illustrative quote: ' }),
    );
  }
  parts.push(
    el('span', { className: 'quote-text', testId: 'quote-text', text: `“${quote.quote}”` }),
    el(
      'span',
      { className: 'quote-meta' },
      el('span', { testId: 'quote-code', text: `[${quote.code}]` }),
      ' · ',
      el('span', { testId: 'quote-file', text: quote.file }),
      ...(quote.anchored ? [] : [' · ', el('span', { className: 'orphan-label', testId: 'orphaned', text: 'orphaned' })]),
    ),
  );
  const attrs = { 'data-file': quote.file, 'data-id': quote.id, 'data-illustrative': quote.illustrative, 'data-orphan': !quote.anchored };
  if (!quote.anchored) {
    return el(
      'div',
      { className: 'quote orphan', testId: 'quote', attrs: { ...attrs, title: 'Orphaned: this text is no longer in the document. Re-attach or remove the annotation in the editor.' } },
      ...parts,
    );
  }
  return el('button', { className: 'quote', testId: 'quote', attrs: { ...attrs, type: 'button', title: `Open ${quote.file} at this segment` } }, ...parts);
}
