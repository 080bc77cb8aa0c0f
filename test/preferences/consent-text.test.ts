// listOf and formatDate skip Intl where they can (it costs the banner's first render ICU's
// start-up): what they write must stay exactly what Intl writes.
import { expect } from '@open-wc/testing';
import { withLocale } from '../../src/internal/i18n.js';
import { formatDate, listOf } from '../../src/preferences/consent-text.js';

const intlList = (locale: string, items: string[]) =>
  new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
const intlDate = (locale: string, value: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value));

describe('consent text formatting', () => {
  const labels = ['Analytics', 'Personalization', 'Advertising', 'Functional', 'Strictly necessary'];

  it('writes lists of every length as Intl.ListFormat does, in US English and other languages', () => {
    for (const locale of ['en', 'en-US', 'en-GB', 'de', 'fr', 'ar', 'ja']) {
      for (let length = 0; length <= labels.length; length++) {
        const items = labels.slice(0, length);
        expect(withLocale('en', () => listOf(items), locale), `${locale}, ${length} items`).to.equal(intlList(locale, items));
      }
    }
  });

  it('writes dates as Intl.DateTimeFormat does, every month and the edges of a month', () => {
    const days = ['01', '09', '10', '28'];
    for (const locale of ['en', 'en-US', 'en-GB', 'de']) {
      for (const year of ['1600', '1999', '2026', '9999']) {
        for (let month = 1; month <= 12; month++) {
          for (const day of days) {
            const value = `${year}-${String(month).padStart(2, '0')}-${day}`;
            expect(withLocale('en', () => formatDate(value), locale), `${locale} ${value}`).to.equal(intlDate(locale, `${value}T12:00:00Z`));
          }
        }
      }
      for (const iso of ['2026-12-31T23:59:59Z', '2027-01-01T00:00:00+02:00', '1500-06-15T12:00:00Z']) {
        expect(withLocale('en', () => formatDate(iso), locale), `${locale} ${iso}`).to.equal(intlDate(locale, iso));
      }
    }
  });

  it('leaves what is not a date as it was', () => {
    expect(withLocale('en', () => formatDate('not a date'))).to.equal('not a date');
  });
});
