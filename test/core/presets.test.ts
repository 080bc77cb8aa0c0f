// Its own file: @lit/localize can be configured once per page, and this test does it.
import { expect } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { definePolicy } from '../../src/core/index.js';

describe('policy', () => {
  it('reads the texts of presets in the active locale, each time they are read', async () => {
    const policy = definePolicy({ version: '1', purposes: ['necessary', 'analytics', { id: 'personalization', label: 'Für dich' }] });
    const [necessary, analytics, personalization] = policy.purposes;
    const englishLabel = analytics!.label;
    const fingerprint = analytics!.fingerprint;
    expect(englishLabel).to.equal('Analytics');

    const { setLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['de'],
      loadLocale: async () => ({
        templates: {
          [generateMsgId('Analytics', false)]: 'Analyse',
          [generateMsgId('This site only', false)]: 'Nur diese Website',
        },
      }),
    });
    await setLocale('de');

    expect(analytics!.label).to.equal('Analyse');
    expect(necessary!.recipients).to.deep.equal(['Nur diese Website']);
    // The host's own words stay as given; the fingerprint does not depend on the language.
    expect(personalization!.label).to.equal('Für dich');
    expect(analytics!.fingerprint).to.equal(fingerprint);

    await setLocale('en');
    expect(analytics!.label).to.equal(englishLabel);
  });
});
