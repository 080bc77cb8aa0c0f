import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/internal/safe-url.js';

describe('safeUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(safeUrl('https://example.com/privacy')).to.equal('https://example.com/privacy');
    expect(safeUrl('http://example.com/privacy?x=1#top')).to.equal('http://example.com/privacy?x=1#top');
    expect(safeUrl('HTTPS://EXAMPLE.COM/')).to.equal('HTTPS://EXAMPLE.COM/');
  });

  it('accepts relative URLs of every form', () => {
    for (const url of ['/privacy', './privacy', '../privacy', 'privacy', 'privacy.html', '?tab=cookies', '#cookies', '//cdn.example.com/x']) {
      expect(safeUrl(url), url).to.equal(url);
    }
  });

  it('trims spaces and line breaks around the URL', () => {
    expect(safeUrl('  /privacy \n')).to.equal('/privacy');
  });

  it('refuses script and data schemes in any case', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      expect(safeUrl(url), url).to.equal(null);
    }
  });

  it('refuses every other scheme', () => {
    for (const url of ['ftp://example.com/', 'mailto:a@example.com', 'file:///etc/passwd', 'blob:https://example.com/1', 'chrome://settings', 'x-custom:thing']) {
      expect(safeUrl(url), url).to.equal(null);
    }
  });

  it('refuses control characters and whitespace tricks', () => {
    for (const url of ['java\tscript:alert(1)', 'java\nscript:alert(1)', 'java\rscript:alert(1)', '\u0000javascript:alert(1)',
      ' \u0001javascript:alert(1)', 'java\u200bscript:alert(1)', '/pri vacy', '/privacy\u2028', '\ufeffjavascript:alert(1)']) {
      expect(safeUrl(url), JSON.stringify(url)).to.equal(null);
    }
  });

  it('refuses a script URL hidden behind leading spaces', () => {
    expect(safeUrl('   javascript:alert(1)')).to.equal(null);
    expect(safeUrl('\t\njavascript:alert(1)')).to.equal(null);
  });

  it('refuses empty values and non-strings', () => {
    expect(safeUrl('')).to.equal(null);
    expect(safeUrl('   ')).to.equal(null);
    expect(safeUrl(42 as unknown as string)).to.equal(null);
    expect(safeUrl(null as unknown as string)).to.equal(null);
  });

  it('refuses URLs the browser cannot parse', () => {
    expect(safeUrl('http://')).to.equal(null);
    expect(safeUrl('https://exa mple.com')).to.equal(null);
  });
});
