/** Where the analytic journal lives, under the corpus root (memos/ is never part of the corpus). */
export const JOURNAL_FOLDER = 'memos/journal';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Today's journal entry: one Markdown file per day, named by ISO date so entries sort in
 * time order in the explorer and in git, with a heading a reader can scan.
 */
export function journalEntry(day: Date): { path: string; template: string } {
  const yyyy = day.getFullYear();
  const mm = String(day.getMonth() + 1).padStart(2, '0');
  const dd = String(day.getDate()).padStart(2, '0');
  return {
    path: `${JOURNAL_FOLDER}/${yyyy}-${mm}-${dd}.md`,
    template: `# Analytic journal: ${day.getDate()} ${MONTHS[day.getMonth()]} ${yyyy}\n\n`,
  };
}
