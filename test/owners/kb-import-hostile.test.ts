import { strict as assert } from 'node:assert';
import { readHtmlHelpPage } from '../../tools/kb-import/html-help-page';
import { readVendorKbText } from '../../tools/kb-import/vendor-kb-text';

/** Milliseconds `fn` takes. */
function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

// Issue 22, finding 5: the importer's tokenizer rescanned to the end of the page from every
// unterminated start (200 KB of "<a": 18.7 s; a 2 MB page: about half an hour), and a meta
// description or canonical link became the summary or source as it was.
describe('kb:import on hostile pages (issue 22)', function () {
  this.timeout(60_000);
  const TWO_MB = 2 * 1024 * 1024;

  for (const [name, unit] of [
    ['"<a"', '<a'],
    ['"<!--"', '<!--'],
    ['"<!"', '<!'],
    ['"<a \\""', '<a "'],
    ['"<a b=x "', '<a b=x '],
  ] as const) {
    it(`2 MB of ${name} is read in linear time (time at 2 MB under 8x the time at 256 KB)`, () => {
      const small = unit.repeat(Math.ceil(TWO_MB / 8 / unit.length));
      const large = unit.repeat(Math.ceil(TWO_MB / unit.length));
      timed(() => readHtmlHelpPage(small, 'warm-up.html'));
      const smallMs = timed(() => readHtmlHelpPage(small, 'small.html'));
      const largeMs = timed(() => readHtmlHelpPage(large, 'large.html'));
      // Quadratic work would be 64x; linear is 8x (plus noise on a shared machine).
      assert.ok(largeMs < Math.max(250, smallMs * 8 * 3), `${smallMs.toFixed(1)} ms at 256 KB, ${largeMs.toFixed(1)} ms at 2 MB`);
    });
  }

  it('a text export of 280 KB of "http://" is read in linear time', () => {
    const small = `Title\n\nSYMPTOMS\n${'http:// '.repeat(4_000)}\n`;
    const large = `Title\n\nSYMPTOMS\n${'http:// '.repeat(32_000)}\n`;
    timed(() => readVendorKbText(small, 'warm-up.txt'));
    const smallMs = timed(() => readVendorKbText(small, 'small.txt'));
    const largeMs = timed(() => readVendorKbText(large, 'large.txt'));
    assert.ok(largeMs < Math.max(250, smallMs * 8 * 3), `${smallMs.toFixed(1)} ms at 32 KB, ${largeMs.toFixed(1)} ms at 256 KB`);
  });

  it('a doubled link of the text export is still written once', () => {
    const article = readVendorKbText('Title\n\nSYMPTOMS\nSee http://example.test/a (http://example.test/a) for more.\n', 'doubled.txt');
    assert.ok(
      article.sections.some((s) => s.paragraphs.some((p) => p.includes('See http://example.test/a for more.'))),
      JSON.stringify(article.sections),
    );
  });

  it('a meta description holding markup or a script link, and a javascript: canonical link, do not reach the draft', () => {
    const page = `<html><head><title>T</title><meta name="description" content="Read &lt;script&gt;alert(1)&lt;/script&gt; and javascript:alert(2)">
<link rel="canonical" href="javascript:alert(3)"></head><body><h1>T</h1><h2>S</h2><p>Body.</p></body></html>`;
    const article = readHtmlHelpPage(page, 'page.html');
    assert.doesNotMatch(article.description ?? '', /[<>]|javascript:/i);
    assert.equal(article.source.ref, 'page.html');
    assert.ok(article.unmapped.some((u) => /canonical link .* not an http\(s\) address/.test(u)));
    const good = readHtmlHelpPage(page.replace('javascript:alert(3)', 'https://example.test/kb/1'), 'page.html');
    assert.equal(good.source.ref, 'https://example.test/kb/1');
  });
});
