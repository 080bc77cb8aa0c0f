import { expect } from '@open-wc/testing';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { definePolicy } from '../../src/core/index.js';
import { withLocale } from '../../src/internal/i18n.js';
import { registerLocale } from '../../src/localization.js';

describe('policy', () => {
  it('reads the texts of presets in the locale being rendered, each time they are read', () => {
    const policy = definePolicy({ version: '1', purposes: ['necessary', 'analytics', { id: 'personalization', label: 'Für dich' }] });
    const [necessary, analytics, personalization] = policy.purposes;
    const englishLabel = analytics!.label;
    const fingerprint = analytics!.fingerprint;
    expect(englishLabel).to.equal('Analytics');

    registerLocale('de', {
      [generateMsgId('Analytics', false)]: 'Analyse',
      [generateMsgId('This site only', false)]: 'Nur diese Website',
    });
    withLocale('de', () => {
      expect(analytics!.label).to.equal('Analyse');
      expect(necessary!.recipients).to.deep.equal(['Nur diese Website']);
      // The host's own words stay as given; the fingerprint does not depend on the language.
      expect(personalization!.label).to.equal('Für dich');
      expect(analytics!.fingerprint).to.equal(fingerprint);
    });

    // Outside a render, the English source.
    expect(analytics!.label).to.equal(englishLabel);
  });
});
