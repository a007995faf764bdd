import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { GUID_PATTERN, guidKey, nameGuid, sha1 } from '../../../../src/core/exchange/guid';

describe('exchange GUIDs', () => {
  it('computes SHA-1 as Node does, across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
      assert.equal(Buffer.from(sha1(data)).toString('hex'), createHash('sha1').update(data).digest('hex'), `length ${length}`);
    }
  });

  it('gives RFC 4122 version 5 UUIDs the schema accepts, the same every time, different per name', () => {
    const a = nameGuid('document:interviews/2017/HB01.md');
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(a, GUID_PATTERN);
    assert.equal(nameGuid('document:interviews/2017/HB01.md'), a);
    assert.notEqual(nameGuid('document:interviews/2022/HB01.md'), a);
    assert.notEqual(nameGuid('code:support'), nameGuid('code:Support'));
  });

  it('compares GUIDs as tools write them: any case, with or without braces', () => {
    assert.equal(guidKey('{9DDD19C4-168C-4103-BBAD-08D4BD10A145}'), '9ddd19c4-168c-4103-bbad-08d4bd10a145');
    assert.match('{9DDD19C4-168C-4103-BBAD-08D4BD10A145}', GUID_PATTERN);
    assert.doesNotMatch('9DDD19C4-168C-4103-BBAD-08D4BD10A14', GUID_PATTERN);
  });
});
