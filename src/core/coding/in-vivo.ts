/**
 * The name of an in-vivo code: the participant's own words as selected, on one line, without
 * the quotation marks or trailing punctuation around them, cut at a word boundary so a long
 * selection still makes a readable code name.
 */
export function inVivoName(selected: string, maxLength = 60): string {
  let name = selected.replace(/\s+/g, ' ').trim();
  name = name.replace(/^[\s"'“”‘’«»(\[]+|[\s"'“”‘’«»)\].,;:!?…-]+$/gu, '');
  if (name.length <= maxLength) return name;
  const cut = name.slice(0, maxLength + 1);
  const space = cut.lastIndexOf(' ');
  return (space > maxLength / 2 ? cut.slice(0, space) : cut.slice(0, maxLength)).replace(/[\s.,;:!?-]+$/u, '');
}
