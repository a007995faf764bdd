import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseCodebook } from '../../../../src/core/corpus/codebook';
import {
  addCode, addTheme, CodebookEditError, codebookId, moveCode, removeCode, renameCodebookId, setCodebookFields, type CodeField,
} from '../../../../src/core/corpus/edit-codebook';
import { CODEBOOK_ID } from '../../../../src/core/ids';
import { lineDiff } from '../../support/line-diff';

const sample = fs.readFileSync(path.resolve(__dirname, '../../../../sample-workspace/codebook.yaml'), 'utf8');

const small = `# comments may appear anywhere and must be kept
themes:
  - id: support   # the first theme
    name: Support for clusters
    description: What clusters need from the wider system to function.
    codes:
      # codes from the baseline
      - id: data-support
        name: 'Data and analytic support'
        description: Access to data, dashboards and analysts.
        include: Talk of data, dashboards, analysts.   # optional criteria
        exclude: Data protection and consent (code under governance).
        example: "we had no analyst support at all"
        color: "#4e79a7"     # optional
      - id: funding
        name: Funding

  - id: expectations
    name: Unrealistic expectations
    description: a theme with no codes (such a theme is itself applied as a code)
`;

/** Two themes whose code lists are indented differently (the second in YAML's compact style). */
const mixed = `themes:
  - id: support
    name: Support
    codes:
      - id: data-support
        name: Data
        # why: analysts were scarce
        description: >-
          Access to data,
          dashboards.
  - id: other
    name: Other
    codes:
    - id: o1   # compact list
      name: O1
`;

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const hasLoneLf = (text: string) => /(?<!\r)\n/.test(text);

function read(text: string) {
  const { codebook, problems } = parseCodebook(text, 'codebook.yaml');
  assert.deepEqual(problems, []);
  return codebook;
}
const outline = (text: string) => read(text).themes.map((t) => [t.id, t.codes.map((c) => c.id)]);
const refused = (fn: () => unknown, message: RegExp) => assert.throws(fn, (e: unknown) => e instanceof CodebookEditError && message.test(e.message));

describe('codebook edits', () => {
  describe('codebookId', () => {
    const none = new Set<string>();

    it('makes lower-case hyphenated ids from names', () => {
      assert.equal(codebookId('Workforce shortages', none), 'workforce-shortages');
      assert.equal(codebookId('COVID-19', none), 'covid-19');
      assert.equal(codebookId('  Data & analytic support! ', none), 'data-analytic-support');
    });

    it('folds accents and letters without an ASCII base', () => {
      assert.equal(codebookId('Équipe soignante', none), 'equipe-soignante');
      assert.equal(codebookId('Straße über Ærø', none), 'strasse-uber-aero');
    });

    it('falls back to "code" when nothing usable remains', () => {
      assert.equal(codebookId('!!! ??? …', none), 'code');
      assert.equal(codebookId('', none), 'code');
      assert.equal(codebookId('日本語', new Set(['code'])), 'code-2');
    });

    it('suffixes -2, -3 ... to avoid taken ids', () => {
      assert.equal(codebookId('Funding', new Set(['funding'])), 'funding-2');
      assert.equal(codebookId('Funding', new Set(['funding', 'funding-2'])), 'funding-3');
    });

    it('cuts long names at a word boundary', () => {
      const id = codebookId('The relationship between cluster leads and the health board managers', none);
      assert.equal(id, 'the-relationship-between-cluster-leads');
      assert.equal(codebookId('a'.repeat(60), none), 'a'.repeat(40));
    });

    it('always matches CODEBOOK_ID', () => {
      for (const name of ['--a--b--', 'Ünïcödé   ---  names', '42', 'x_y.z', 'Ⅻ ﬁ', '\u0301']) assert.match(codebookId(name, none), CODEBOOK_ID, name);
    });
  });

  describe('addTheme', () => {
    it('adds only the new lines after the last theme, copying its indentation', () => {
      const after = addTheme(small, { id: 'governance', name: 'Governance: who decides', description: 'Lines of accountability.' });
      assert.deepEqual(lineDiff(small, after), {
        removed: [],
        added: ['  - id: governance', '    name: "Governance: who decides"', '    description: Lines of accountability.'],
      });
      assert.ok(after.startsWith(small));
      assert.deepEqual(outline(after), [['support', ['data-support', 'funding']], ['expectations', []], ['governance', []]]);
    });

    it('adds the first theme to an empty or comment-only file', () => {
      assert.equal(addTheme('', { id: 'support', name: 'Support' }), 'themes:\n  - id: support\n    name: Support\n');
      const commented = '# my study\n';
      assert.equal(addTheme(commented, { id: 'a', name: 'A' }), '# my study\nthemes:\n  - id: a\n    name: A\n');
      assert.equal(addTheme('themes:\n', { id: 'a', name: 'A' }), 'themes:\n  - id: a\n    name: A\n');
      assert.equal(addTheme('themes: [] # none yet\n', { id: 'a', name: 'A' }), 'themes: # none yet\n  - id: a\n    name: A\n');
    });

    it('copies a 4-space style', () => {
      const wide = 'themes:\n    -   id: a\n        name: A\n';
      assert.equal(addTheme(wide, { id: 'b', name: 'B' }), `${wide}    -   id: b\n        name: B\n`);
    });

    it('keeps CRLF line endings and a missing final line break', () => {
      const after = addTheme(crlf(small), { id: 'x', name: 'X' });
      assert.ok(!hasLoneLf(after) && after.startsWith(crlf(small)));
      const open = small.trimEnd();
      const added = addTheme(open, { id: 'x', name: 'X' });
      assert.equal(added, `${open}\n  - id: x\n    name: X`);
    });

    it('refuses taken or invalid ids, flow lists and invalid YAML', () => {
      refused(() => addTheme(small, { id: 'support', name: 'S' }), /already used/);
      refused(() => addTheme(small, { id: 'funding', name: 'F' }), /already used/);
      refused(() => addTheme(small, { id: 'Bad Id', name: 'B' }), /not a valid id/);
      refused(() => addTheme('themes: [{id: a, name: A}]\n', { id: 'b', name: 'B' }), /one-line \[ \.\.\. \] list/);
      refused(() => addTheme('themes:\n  - id: a\n   name: [\n', { id: 'b', name: 'B' }), /not valid YAML/);
      refused(() => addTheme('{themes: []}\n', { id: 'b', name: 'B' }), /invalid|one-line/);
      refused(() => addTheme('- a\n', { id: 'b', name: 'B' }), /must be a mapping/);
    });
  });

  describe('addCode', () => {
    const code = { id: 'analysts', name: 'Analysts', description: 'People who turn data into insight.', color: '#abc' };

    it('adds only the new lines as the theme’s last code', () => {
      const after = addCode(small, 'support', code);
      assert.deepEqual(lineDiff(small, after), {
        removed: [],
        added: ['      - id: analysts', '        name: Analysts', '        description: People who turn data into insight.', '        color: "#abc"'],
      });
      assert.deepEqual(outline(after), [['support', ['data-support', 'funding', 'analysts']], ['expectations', []]]);
      assert.equal(read(after).codeById.get('analysts')!.color, '#abc');
    });

    it('then removeCode restores the original bytes', () => {
      for (const text of [small, crlf(small), small.trimEnd(), mixed, sample, crlf(sample)]) {
        for (const theme of ['support', 'expectations', 'other', 'covid-19']) {
          if (!text.includes(`id: ${theme}`)) continue;
          const after = addCode(text, theme, code);
          assert.equal(removeCode(after, 'analysts'), theme === 'expectations' && text.includes('codes: []') ? removeCodesList(text) : text);
        }
      }
    });
    // The sample's `codes: []` becomes `codes:` and the entry; removing the entry then drops `codes:`.
    const removeCodesList = (text: string) => text.replace(/\n {4}codes: \[\]\r?\n/, '\n');

    it('adds a codes: key to a theme without codes', () => {
      const after = addCode(small, 'expectations', code);
      assert.deepEqual(lineDiff(small, after).removed, []);
      assert.ok(after.endsWith('    description: a theme with no codes (such a theme is itself applied as a code)\n    codes:\n      - id: analysts\n        name: Analysts\n'
        + '        description: People who turn data into insight.\n        color: "#abc"\n'));
      assert.deepEqual(outline(after), [['support', ['data-support', 'funding']], ['expectations', ['analysts']]]);
    });

    it('fills a `codes: []` and copies compact list styles', () => {
      const after = addCode(sample, 'expectations', { id: 'overreach', name: 'Overreach' });
      assert.deepEqual(lineDiff(sample, after), { removed: ['    codes: []'], added: ['    codes:', '      - id: overreach', '        name: Overreach'] });
      assert.deepEqual(read(after).themeById.get('expectations')!.codes.map((c) => c.id), ['overreach']);
      assert.deepEqual(lineDiff(mixed, addCode(mixed, 'other', { id: 'o2', name: 'O2' })), { removed: [], added: ['    - id: o2', '      name: O2'] });
    });

    it('writes values that need quotes so they read back unchanged', () => {
      const awkward = { id: 'q', name: 'Data: the sequel', description: '#1 priority', include: 'yes', exclude: '2016', example: 'line one\nline "two"' };
      const got = read(addCode(small, 'support', awkward)).codeById.get('q')!;
      assert.deepEqual({ id: got.id, name: got.name, description: got.description, include: got.include, exclude: got.exclude, example: got.example }, awkward);
      for (const name of [' padded ', 'it’s: fine', '- dash', 'null', '1.5', 'a # b', '[x]']) {
        assert.equal(read(addCode(small, 'support', { id: 'q', name })).codeById.get('q')!.name, name);
      }
    });

    it('refuses unknown themes, codes as themes, taken ids, bad colours and flow lists', () => {
      refused(() => addCode(small, 'nope', code), /no theme with id "nope"/);
      refused(() => addCode(small, 'funding', code), /is a code, not a theme/);
      refused(() => addCode(small, 'support', { ...code, id: 'expectations' }), /already used/);
      refused(() => addCode(small, 'support', { ...code, color: 'blue' }), /colour "blue"/);
      refused(() => addCode('themes:\n  - id: a\n    codes: [{id: b}]\n', 'a', code), /one-line \[ \.\.\. \] list/);
      refused(() => addCode('themes:\n  - {id: a, name: A}\n', 'a', code), /one-line \{ \.\.\. \} entry/);
    });
  });

  describe('setCodebookFields', () => {
    it('changes only the value of an existing field, keeping its comment', () => {
      const after = setCodebookFields(small, 'data-support', { include: 'Dashboards: all of them.' });
      assert.deepEqual(lineDiff(small, after), {
        removed: ['        include: Talk of data, dashboards, analysts.   # optional criteria'],
        added: ['        include: "Dashboards: all of them."   # optional criteria'],
      });
      assert.equal(read(after).codeById.get('data-support')!.include, 'Dashboards: all of them.');
      const recoloured = setCodebookFields(small, 'data-support', { color: '#FF0000' });
      assert.deepEqual(lineDiff(small, recoloured).added, ['        color: "#FF0000"     # optional']);
    });

    it('adds a missing field as the entry’s last key, before a theme’s codes:', () => {
      const code = setCodebookFields(small, 'funding', { description: 'Money.' });
      assert.deepEqual(lineDiff(small, code), { removed: [], added: ['        description: Money.'] });
      assert.ok(code.includes('        name: Funding\n        description: Money.\n\n  - id: expectations'));
      const theme = setCodebookFields(small, 'support', { color: '#59a14f' });
      assert.ok(theme.includes('    description: What clusters need from the wider system to function.\n    color: "#59a14f"\n    codes:\n'));
      assert.deepEqual(lineDiff(small, theme).removed, []);
      assert.equal(read(theme).themeById.get('support')!.color, '#59a14f');
      const noCodes = setCodebookFields(small, 'expectations', { description: undefined, name: 'High hopes' });
      assert.ok(noCodes.endsWith('  - id: expectations\n    name: High hopes\n'));
    });

    it('removes a field’s lines, including a multi-line value', () => {
      const after = setCodebookFields(small, 'data-support', { exclude: undefined });
      assert.deepEqual(lineDiff(small, after), { removed: ['        exclude: Data protection and consent (code under governance).'], added: [] });
      assert.equal(setCodebookFields(small, 'funding', { example: undefined }), small);
      const blockless = setCodebookFields(sample, 'expectations', { description: undefined });
      assert.equal(read(blockless).themeById.get('expectations')!.description, undefined);
      assert.deepEqual(lineDiff(sample, blockless).added, []);
    });

    it('replaces a multi-line value with one line, and fills an empty value', () => {
      const after = setCodebookFields(sample, 'expectations', { description: 'Short now.' });
      assert.deepEqual(lineDiff(sample, after), {
        removed: ['    description: >-', '      Emerged at follow-up. Expectations placed on clusters that did not match their resources', '      or remit. Applied as a code of its own: it has no codes under it.'],
        added: ['    description: Short now.'],
      });
      const empty = 'themes:\n  - id: a\n    name: # to do\n';
      assert.equal(setCodebookFields(empty, 'a', { name: 'A' }), 'themes:\n  - id: a\n    name: A # to do\n');
    });

    it('sets several fields at once and keeps CRLF', () => {
      const after = setCodebookFields(crlf(small), 'funding', { name: 'Money', include: 'on', color: '#123456', example: 'a\nb' });
      assert.ok(!hasLoneLf(after));
      const got = read(after).codeById.get('funding')!;
      assert.deepEqual([got.name, got.include, got.color, got.example], ['Money', 'on', '#123456', 'a\nb']);
      assert.deepEqual(lineDiff(crlf(small), after).removed, ['        name: Funding\r']);
    });

    it('refuses unknown ids, fields and bad colours', () => {
      refused(() => setCodebookFields(small, 'nope', { name: 'x' }), /no theme or code with id "nope"/);
      refused(() => setCodebookFields(small, 'nope', {}), /no theme or code/);
      refused(() => setCodebookFields(small, 'funding', { color: '#12' }), /colour/);
      refused(() => setCodebookFields(small, 'funding', { id: 'x' } as unknown as Record<CodeField, string>), /not a field/);
      refused(() => setCodebookFields('themes:\n  - name: A\n    id: a\n', 'a', { name: undefined }), /put "id:" first/);
    });
  });

  describe('renameCodebookId', () => {
    it('changes only the id value, keeping its comment', () => {
      const after = renameCodebookId(small, 'support', 'system-support');
      assert.deepEqual(lineDiff(small, after), { removed: ['  - id: support   # the first theme'], added: ['  - id: system-support   # the first theme'] });
      assert.deepEqual(outline(renameCodebookId(small, 'funding', '2016')), [['support', ['data-support', '2016']], ['expectations', []]]);
      assert.ok(renameCodebookId(small, 'funding', '2016').includes('- id: "2016"'));
      assert.equal(renameCodebookId(small, 'funding', 'funding'), small);
    });

    it('refuses an id taken by a theme or a code, an invalid id or an unknown one', () => {
      refused(() => renameCodebookId(small, 'funding', 'expectations'), /already used/);
      refused(() => renameCodebookId(small, 'expectations', 'data-support'), /already used/);
      refused(() => renameCodebookId(small, 'funding', 'Funding'), /not a valid id/);
      refused(() => renameCodebookId(small, 'money', 'cash'), /no theme or code with id "money"/);
    });
  });

  describe('moveCode', () => {
    it('re-indents a code to fit its new theme and keeps its own text', () => {
      const after = moveCode(mixed, 'data-support', 'other');
      assert.equal(after, `themes:
  - id: support
    name: Support
  - id: other
    name: Other
    codes:
    - id: o1   # compact list
      name: O1
    - id: data-support
      name: Data
      # why: analysts were scarce
      description: >-
        Access to data,
        dashboards.
`);
      assert.deepEqual(outline(after), [['support', []], ['other', ['o1', 'data-support']]]);
      assert.equal(read(after).codeById.get('data-support')!.description, 'Access to data, dashboards.');
      // Back to a theme that now has no codes: the layout of the other theme's list is copied.
      const back = moveCode(after, 'data-support', 'support');
      assert.deepEqual(outline(back), [['support', ['data-support']], ['other', ['o1']]]);
      assert.ok(back.includes('    name: Support\n    codes:\n    - id: data-support\n      name: Data\n'));
    });

    it('moves between the sample’s themes, with CRLF', () => {
      for (const text of [sample, crlf(sample)]) {
        const after = moveCode(text, 'funding', 'expectations');
        assert.equal(hasLoneLf(after), text === sample);
        const book = read(after);
        assert.deepEqual(book.themeById.get('expectations')!.codes.map((c) => c.id), ['funding']);
        assert.deepEqual(book.themeById.get('support')!.codes.map((c) => c.id), ['data-support', 'facilitation']);
        assert.equal(book.codeById.get('funding')!.description, 'Money for cluster work, its amount, stability and routes.');
      }
    });

    it('adds and removes codes: keys as lists fill and empty', () => {
      const after = moveCode(small, 'funding', 'expectations');
      assert.ok(after.endsWith('    codes:\n      - id: funding\n        name: Funding\n'));
      const emptied = moveCode(moveCode(after, 'data-support', 'expectations'), 'funding', 'support');
      assert.deepEqual(outline(emptied), [['support', ['funding']], ['expectations', ['data-support']]]);
      // The comment that headed the emptied list stays where it was.
      assert.ok(emptied.includes('function.\n      # codes from the baseline\n    codes:\n      - id: funding\n        name: Funding\n\n'));
    });

    it('takes a code’s closing comment along, and finds a "-" on a line of its own', () => {
      const text = 'themes:\n  - id: a\n    codes:\n      - id: x\n        name: X\n        # about x\n      # before y\n      - id: y\n'
        + '  - id: b\n    codes:\n    -\n      id: z\n';
      assert.equal(moveCode(text, 'x', 'b'), 'themes:\n  - id: a\n    codes:\n      # before y\n      - id: y\n'
        + '  - id: b\n    codes:\n    -\n      id: z\n    - id: x\n      name: X\n      # about x\n');
      assert.equal(moveCode(text, 'z', 'a'), 'themes:\n  - id: a\n    codes:\n      - id: x\n        name: X\n        # about x\n      # before y\n      - id: y\n'
        + '      -\n        id: z\n  - id: b\n');
      assert.deepEqual(outline(moveCode(text, 'z', 'a')), [['a', ['x', 'y', 'z']], ['b', []]]);
    });

    it('is a no-op within a theme and refuses unknown targets', () => {
      assert.equal(moveCode(small, 'funding', 'support'), small);
      refused(() => moveCode(small, 'funding', 'nope'), /no theme with id "nope"/);
      refused(() => moveCode(small, 'funding', 'data-support'), /is a code, not a theme/);
      refused(() => moveCode(small, 'support', 'expectations'), /is a theme, not a code/);
      refused(() => moveCode('themes:\n  - id: a\n    codes: [{id: b}]\n  - id: c\n', 'b', 'c'), /one-line/);
    });
  });

  describe('removeCode', () => {
    it('removes only the code’s lines', () => {
      const after = removeCode(small, 'data-support');
      assert.deepEqual(lineDiff(small, after).added, []);
      assert.ok(after.includes('    codes:\n      # codes from the baseline\n      - id: funding\n'));
      assert.deepEqual(outline(after), [['support', ['funding']], ['expectations', []]]);
    });

    it('drops a bare codes: line left empty, but keeps one with a comment', () => {
      const one = 'themes:\n  - id: a\n    name: A\n    codes:\n      - id: b\n  - id: c\n';
      assert.equal(removeCode(one, 'b'), 'themes:\n  - id: a\n    name: A\n  - id: c\n');
      const commented = one.replace('codes:', 'codes: # to sort');
      assert.equal(removeCode(commented, 'b'), 'themes:\n  - id: a\n    name: A\n    codes: # to sort\n  - id: c\n');
      assert.deepEqual(outline(removeCode(commented, 'b')), [['a', []], ['c', []]]);
    });

    it('refuses unknown codes and themes', () => {
      refused(() => removeCode(small, 'nope'), /no code with id "nope"/);
      refused(() => removeCode(small, 'support'), /is a theme, not a code/);
    });
  });

  describe('on the sample codebook', () => {
    it('every edit leaves it readable, with no problems', () => {
      const before = read(sample);
      const edits: [string, string][] = [
        ['addTheme', addTheme(sample, { id: 'new-theme', name: 'New theme', description: 'Added: by a test' })],
        ['addCode', addCode(sample, 'leadership', { id: 'new-code', name: 'New code', include: 'yes', color: '#fff' })],
        ['setCodebookFields', setCodebookFields(sample, 'data-support', { include: undefined, example: '#1', color: '#000000' })],
        ['renameCodebookId', renameCodebookId(sample, 'covid-19', 'pandemic')],
        ['moveCode', moveCode(sample, 'paused-work', 'workforce')],
        ['removeCode', removeCode(sample, 'autonomy')],
      ];
      for (const [name, text] of edits) {
        const after = read(text);
        assert.notEqual(text, sample, name);
        const codes = (book: typeof after) => [...book.codeById.keys()].length;
        assert.ok(Math.abs(codes(after) - codes(before)) <= 1, name);
        assert.ok(text.startsWith('# Coding frame for the Cluster Futures study'), name);
      }
    });
  });
});
