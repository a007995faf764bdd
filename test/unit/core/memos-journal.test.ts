import assert from 'node:assert/strict';
import { journalEntry } from '../../../src/core/memos/journal';

describe('analytic journal', () => {
  it('keeps one entry per local day under memos/journal, named by ISO date', () => {
    const entry = journalEntry(new Date(2026, 10, 3, 23, 59));
    assert.equal(entry.path, 'memos/journal/2026-11-03.md');
    assert.equal(entry.template, '# Analytic journal: 3 November 2026\n\n');
  });
});
