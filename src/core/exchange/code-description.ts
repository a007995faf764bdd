import { CODEBOOK_ID } from '../ids';

/**
 * A REFI-QDA Code has one Description; a QualFrame code has a description and the criteria
 * `include`, `exclude` and `example`. They travel as one text a person can read in NVivo or
 * MAXQDA: the description, then a last paragraph of labelled lines. The code's id travels the
 * same way when it is not what its name would give on import (`QualFrame id: data-support`),
 * so a project exported and imported again keeps its ids, and the annotations and summaries
 * that name them.
 */

export interface CodeDescription {
  readonly description?: string;
  readonly include?: string;
  readonly exclude?: string;
  readonly example?: string;
  /** The QualFrame id written into the text. */
  readonly id?: string;
}

const LABELS = [['include', 'Include'], ['exclude', 'Exclude'], ['example', 'Example'], ['id', 'QualFrame id']] as const;
type Field = (typeof LABELS)[number][0];

/** The Description text of a theme or code; undefined when there is nothing to say. */
export function composeCodeDescription(fields: CodeDescription): string | undefined {
  const labelled = LABELS
    .filter(([key]) => fields[key] !== undefined && fields[key]!.trim() !== '')
    .map(([key, label]) => `${label}: ${oneLine(fields[key]!)}`);
  const description = fields.description?.trim() ? fields.description : undefined;
  if (labelled.length === 0) return description;
  return description === undefined ? labelled.join('\n') : `${description}\n\n${labelled.join('\n')}`;
}

/**
 * Splits a Description into QualFrame's fields: a last paragraph whose every line is labelled
 * (as `composeCodeDescription` writes it) gives the criteria and id; anything else is the
 * description. A text from another tool without such a paragraph is all description.
 */
export function parseCodeDescription(text: string | undefined): CodeDescription {
  if (text === undefined || text.trim() === '') return {};
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  const cut = normalised.lastIndexOf('\n\n');
  const last = cut === -1 ? normalised : normalised.slice(cut + 2);
  const fields: Partial<Record<Field, string>> = {};
  for (const line of last.split('\n')) {
    const match = LABELS.find(([, label]) => line.startsWith(`${label}: `));
    if (!match || fields[match[0]] !== undefined) return { description: normalised };
    fields[match[0]] = line.slice(match[1].length + 2).trim();
  }
  if (fields.id !== undefined && !CODEBOOK_ID.test(fields.id)) delete fields.id;
  const description = cut === -1 ? undefined : normalised.slice(0, cut);
  return { ...(description !== undefined ? { description } : {}), ...fields };
}

/** Criteria are one line each in the labelled paragraph; line breaks within one become spaces. */
function oneLine(value: string): string {
  return value.replace(/\s*\r?\n\s*/g, ' ').trim();
}
