import assert from 'node:assert/strict';
import { QdpxError, type RefiProject } from '../../../../src/core/exchange/refi-project';
import { decodeReferences, readProjectXml, writeProjectXml } from '../../../../src/node/exchange/qde-xml';
import { assertValidProjectXml } from '../../support/xmllint';

const G1 = '9DDD19C4-168C-4103-BBAD-08D4BD10A145';
const G2 = '{631251CC-9FB4-4131-BEA8-35947084C409}';

function throwsAt(xml: string, message: RegExp): void {
  assert.throws(() => readProjectXml(xml), (e: unknown) => e instanceof QdpxError && message.test(e.message));
}

describe('project.qde reading and writing', () => {
  it('decodes XML\'s own references and character references, and nothing else', () => {
    assert.equal(decodeReferences('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#128512; &#x1F3E5;', 'here'), 'a & b <c> "d" \'e\' 😀 🏥');
    assert.throws(() => decodeReferences('&copy; 2021', 'here'), /here: "&copy; 2021…" uses an entity that is not defined/);
    assert.throws(() => decodeReferences('&#0;', 'here'), /not a character XML allows/);
    assert.throws(() => decodeReferences('fish & chips', 'here'), /entity that is not defined/);
  });

  it('reads a prefixed namespace, braced upper-case GUIDs, CDATA, CRLF text and elements it does not know', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\r\n<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="NVivo &amp; co" origin="NVivo 14">\r\n`
      + `<qda:Users><qda:User guid="${G1}" name="Jane"/></qda:Users>\r\n`
      + `<qda:Sources><qda:TextSource guid="${G2}" name="P1"><qda:PlainTextContent><![CDATA[Line & one]]>\r\nline two</qda:PlainTextContent><qda:Shiny/></qda:TextSource>`
      + `<qda:PDFSource guid="${G1}" name="Paper"/></qda:Sources>\r\n<qda:Sets><qda:Set guid="${G1}" name="s"/></qda:Sets>\r\n</qda:Project>`;
    const project = readProjectXml(xml);
    assert.equal(project.name, 'NVivo & co');
    assert.deepEqual(project.users, [{ guid: G1, name: 'Jane' }]);
    assert.equal(project.sources[0].guid, G2);
    assert.equal(project.sources[0].plainTextContent, 'Line & one\nline two');
    assert.deepEqual(project.otherSources, [{ kind: 'PDFSource', guid: G1, name: 'Paper' }]);
  });

  it('names what is wrong: another namespace, a missing name, a Coding without CodeRef, nesting without end', () => {
    throwsAt('<Project xmlns="urn:QDA-XML:codebook:1.0" name="x"/>', /^project\.qde: Project "x", attribute xmlns: the namespace "urn:QDA-XML:codebook:1\.0" is not REFI-QDA's project namespace/);
    throwsAt('<Codebook/>', /root element must be Project/);
    throwsAt(`<Project name="x"><CodeBook><Codes><Code guid="${G1}" isCodable="true"/></Codes></CodeBook></Project>`, /Project\/CodeBook\/Codes\/Code\[1\] \(guid .*\): attribute name is required/);
    throwsAt(`<Project name="x"><CodeBook><Codes><Code guid="${G1}" name="A" isCodable="maybe"/></Codes></CodeBook></Project>`, /Code\[1\] "A", attribute isCodable: must be true or false, not "maybe"/);
    throwsAt(`<Project name="x"><Sources><TextSource guid="${G1}"><PlainTextSelection guid="${G1}" startPosition="0" endPosition="1"><Coding guid="${G1}"/></PlainTextSelection></TextSource></Sources></Project>`, /PlainTextSelection\[1\]\/Coding\[1\] \(guid .*\): a Coding needs a CodeRef/);
    const deep = `${`<Code guid="${G1}" name="c" isCodable="true">`.repeat(120)}${'</Code>'.repeat(120)}`;
    throwsAt(`<Project name="x"><CodeBook><Codes>${deep}</Codes></CodeBook></Project>`, /nested/i);
  });

  it('writes characters XML cannot hold as U+FFFD, and line breaks in names as spaces, still valid', () => {
    const project: RefiProject = {
      name: 'Two\nlines', users: [{ guid: G1, name: 'bell\u0007' }], codes: [], variables: [], cases: [], sources: [], otherSources: [],
      notes: [{ guid: G1, name: 'n', plainTextContent: 'form\u000cfeed and a lone \ud800 surrogate', selections: [] }], links: [], noteRefs: [],
    };
    const xml = writeProjectXml(project);
    assertValidProjectXml(xml);
    const back = readProjectXml(xml);
    assert.equal(back.name, 'Two lines');
    assert.equal(back.users[0].name, 'bell\ufffd');
    assert.equal(back.notes[0].plainTextContent, 'form\ufffdfeed and a lone \ufffd surrogate');
  });
});
