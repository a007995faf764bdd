/** "1 document", "13 documents": a count with its noun, as every message of QualFrame says it. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
