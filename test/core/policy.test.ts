import { expect } from '@open-wc/testing';
import { definePolicy, PolicyError, PRESET_PURPOSE_IDS } from '../../src/core/index.js';
import { fnv1a } from '../../src/core/hash.js';

/** The PolicyError a configuration throws (the test fails when it throws nothing or something else). */
function errorOf(config: unknown): PolicyError {
  try {
    definePolicy(config);
  } catch (error) {
    expect(error).to.be.instanceOf(PolicyError);
    return error as PolicyError;
  }
  throw new Error('definePolicy accepted the configuration');
}

function messageOf(config: unknown): string {
  return errorOf(config).message;
}

/** A valid configuration with one purpose replaced. */
function withPurpose(purpose: unknown, index = 0): unknown {
  const purposes: unknown[] = ['necessary', 'analytics'];
  purposes.splice(index, 0, purpose);
  return { version: '1', purposes };
}

describe('policy', () => {
  describe('valid configurations', () => {
    it('fills in every built-in purpose from its id alone', () => {
      const policy = definePolicy({ version: '2026-01', purposes: [...PRESET_PURPOSE_IDS] });
      expect(policy.purposes.map((purpose) => purpose.id)).to.deep.equal([...PRESET_PURPOSE_IDS]);
      for (const purpose of policy.purposes) {
        expect(purpose.preset).to.equal(purpose.id);
        expect(purpose.label, purpose.id).to.be.a('string').and.not.equal('');
        expect(purpose.description, purpose.id).to.be.a('string').and.not.equal('');
        expect(purpose.retention, purpose.id).to.be.a('string').and.not.equal('');
        expect(purpose.dataCategories.length, purpose.id).to.be.greaterThan(0);
        expect(purpose.recipients.length, purpose.id).to.be.greaterThan(0);
        expect(purpose.fingerprint).to.match(/^[0-9a-f]{8}$/);
      }
    });

    it('marks necessary as required on legitimate interest, and advertising as a sale or share', () => {
      const policy = definePolicy({ version: '1', purposes: [...PRESET_PURPOSE_IDS] });
      const byId = Object.fromEntries(policy.purposes.map((purpose) => [purpose.id, purpose]));
      expect(byId.necessary).to.include({ required: true, legalBasis: 'legitimate-interest', saleOrShare: false });
      expect(byId.advertising).to.include({ required: false, legalBasis: 'consent', saleOrShare: true });
      for (const id of ['functional', 'personalization', 'analytics']) {
        expect(byId[id], id).to.include({ required: false, legalBasis: 'consent', saleOrShare: false });
      }
    });

    it('keeps the other fields of a preset when a host overrides some', () => {
      const plain = definePolicy({ version: '1', purposes: ['analytics'] }).purposes[0]!;
      const purpose = definePolicy({ version: '1', purposes: [{ id: 'analytics', retention: '26 months', recipients: ['Matomo (self-hosted)'] }] }).purposes[0]!;
      expect(purpose.retention).to.equal('26 months');
      expect(purpose.recipients).to.deep.equal(['Matomo (self-hosted)']);
      expect(purpose.label).to.equal(plain.label);
      expect(purpose.description).to.equal(plain.description);
      expect(purpose.preset).to.equal('analytics');
    });

    it('takes a purpose of the host with defaults for what it leaves out', () => {
      const policy = definePolicy({ version: '1', purposes: [{ id: 'newsletter', label: 'Newsletter', description: 'Emails about new products.' }] });
      expect({ ...policy.purposes[0] }).to.deep.equal({
        id: 'newsletter',
        label: 'Newsletter',
        description: 'Emails about new products.',
        required: false,
        dataCategories: [],
        retention: '',
        recipients: [],
        legalBasis: 'consent',
        saleOrShare: false,
        preset: null,
        fingerprint: policy.purposes[0]!.fingerprint,
      });
    });

    it('keeps the top-level fields, trimming the URL', () => {
      const policy = definePolicy({ version: '3', updated: '2024-02-29', url: '  /privacy#cookies ', summary: 'We ask before we measure.', purposes: ['necessary'] });
      expect(policy).to.include({ version: '3', updated: '2024-02-29', url: '/privacy#cookies', summary: 'We ask before we measure.' });
      const bare = definePolicy({ version: '3', purposes: ['necessary'] });
      expect(bare).to.include({ updated: null, url: null, summary: null });
      // null is absent too: what getAttribute gives for a missing attribute.
      const fromAttributes = definePolicy({ version: '3', updated: null, url: null, summary: null, purposes: [{ id: 'analytics', retention: null }] });
      expect(fromAttributes).to.include({ updated: null, url: null, summary: null });
      expect(fromAttributes.purposes[0]!.fingerprint).to.equal(definePolicy({ version: '3', purposes: ['analytics'] }).purposes[0]!.fingerprint);
    });

    it('keeps text of the host exactly as given, never as markup', () => {
      const label = '<img src=x onerror=alert(1)> Ads & "offers"';
      const policy = definePolicy({ version: '1', purposes: [{ id: 'offers', label, description: '<b>bold</b>' }] });
      expect(policy.purposes[0]!.label).to.equal(label);
      expect(policy.purposes[0]!.description).to.equal('<b>bold</b>');
    });

    it('returns a frozen policy', () => {
      const policy = definePolicy({ version: '1', purposes: ['analytics', { id: 'chat', label: 'Chat', description: 'Live chat.', dataCategories: ['Messages'] }] });
      expect(Object.isFrozen(policy)).to.equal(true);
      expect(Object.isFrozen(policy.purposes)).to.equal(true);
      expect(Object.isFrozen(policy.purposes[0])).to.equal(true);
      expect(Object.isFrozen(policy.purposes[1]!.dataCategories)).to.equal(true);
      expect(() => {
        (policy as { version: string }).version = '2';
      }).to.throw(TypeError);
    });

    it('returns a policy it already validated unchanged', () => {
      const policy = definePolicy({ version: '1', purposes: ['analytics'] });
      expect(definePolicy(policy)).to.equal(policy);
    });

    it('serializes to plain JSON with the preset texts', () => {
      const policy = definePolicy({ version: '1', purposes: ['analytics'] });
      const json = JSON.parse(JSON.stringify(policy));
      expect(json.purposes[0].label).to.equal(policy.purposes[0]!.label);
      expect(json.purposes[0].dataCategories).to.deep.equal([...policy.purposes[0]!.dataCategories]);
    });
  });

  describe('fingerprints', () => {
    it('names a preset by its id and revision', () => {
      const purpose = definePolicy({ version: '1', purposes: ['analytics'] }).purposes[0]!;
      expect(purpose.fingerprint).to.equal(fnv1a('preset:analytics:1'));
    });

    it('are the same for the same text, whatever the policy version or key order', () => {
      const a = definePolicy({ version: '1', purposes: [{ id: 'chat', label: 'Chat', description: 'Live chat.' }] });
      const b = definePolicy({ version: '2', purposes: [{ description: 'Live chat.', label: 'Chat', id: 'chat' }] });
      expect(a.purposes[0]!.fingerprint).to.equal(b.purposes[0]!.fingerprint);
    });

    it('change when a host overrides a preset', () => {
      const plain = definePolicy({ version: '1', purposes: ['analytics'] }).purposes[0]!;
      const overridden = definePolicy({ version: '1', purposes: [{ id: 'analytics', retention: '2 years' }] }).purposes[0]!;
      expect(overridden.fingerprint).to.not.equal(plain.fingerprint);
    });

    it('change when a purpose of the host is reworded or changes meaning', () => {
      const base = { id: 'chat', label: 'Chat', description: 'Live chat.' };
      const fingerprint = (purpose: object) => definePolicy({ version: '1', purposes: [purpose] }).purposes[0]!.fingerprint;
      expect(fingerprint({ ...base, description: 'Live chat with a bot.' })).to.not.equal(fingerprint(base));
      expect(fingerprint({ ...base, saleOrShare: true })).to.not.equal(fingerprint(base));
      expect(fingerprint({ ...base, recipients: ['Intercom'] })).to.not.equal(fingerprint(base));
    });
  });

  describe('invalid configurations', () => {
    it('carries the field and the rule on the error', () => {
      const error = errorOf(withPurpose({ id: 'Ads!', label: 'Ads', description: 'Ads.' }, 2));
      expect(error.name).to.equal('PolicyError');
      expect(error.field).to.equal('policy.purposes[2].id');
      expect(error.rule).to.equal('pattern');
    });

    it('refuses a policy that is not an object', () => {
      expect(messageOf(null)).to.equal('policy must be an object with "version" and "purposes" (got null)');
      expect(messageOf(['analytics'])).to.equal('policy must be an object with "version" and "purposes" (got ["analytics"])');
    });

    it('names an unknown top-level key and the key it probably meant', () => {
      expect(messageOf({ verison: '1', purposes: ['analytics'] })).to.equal('policy has an unknown key "verison" (did you mean "version"?)');
    });

    it('lists the known keys when an unknown key resembles none', () => {
      expect(messageOf({ version: '1', purposes: ['analytics'], theme: 'dark' })).to.equal(
        'policy has an unknown key "theme"; known keys are version, updated, url, summary, purposes',
      );
    });

    it('requires a version', () => {
      expect(messageOf({ purposes: ['analytics'] })).to.equal('policy.version must be a non-empty string of at most 64 characters (got undefined)');
      expect(messageOf({ version: ' ', purposes: ['analytics'] })).to.equal('policy.version must be a non-empty string of at most 64 characters (got " ")');
      expect(messageOf({ version: 2, purposes: ['analytics'] })).to.equal('policy.version must be a non-empty string of at most 64 characters (got 2)');
    });

    it('limits the version to 64 characters', () => {
      expect(messageOf({ version: 'v'.repeat(65), purposes: ['analytics'] })).to.equal(
        `policy.version must be a non-empty string of at most 64 characters (got "${'v'.repeat(36)}...)`,
      );
      expect(definePolicy({ version: 'v'.repeat(64), purposes: ['analytics'] }).version).to.have.length(64);
    });

    it('requires the updated date to be a real YYYY-MM-DD date', () => {
      expect(messageOf({ version: '1', updated: '2026-02-30', purposes: ['analytics'] })).to.equal(
        'policy.updated "2026-02-30" must be a real date written YYYY-MM-DD',
      );
      expect(messageOf({ version: '1', updated: '30.01.2026', purposes: ['analytics'] })).to.equal(
        'policy.updated "30.01.2026" must be a real date written YYYY-MM-DD',
      );
    });

    it('requires the URL to be http(s) or relative', () => {
      expect(messageOf({ version: '1', url: 'javascript:alert(1)', purposes: ['analytics'] })).to.equal(
        'policy.url "javascript:alert(1)" must be an http(s) or relative URL',
      );
    });

    it('limits the summary to 2000 characters', () => {
      expect(messageOf({ version: '1', summary: 's'.repeat(2001), purposes: ['analytics'] })).to.equal(
        `policy.summary must be a string of at most 2000 characters (got "${'s'.repeat(36)}...)`,
      );
    });

    it('requires at least one purpose', () => {
      expect(messageOf({ version: '1', purposes: [] })).to.equal('policy.purposes must be a non-empty array of at most 50 purposes (got [])');
      expect(messageOf({ version: '1' })).to.equal('policy.purposes must be a non-empty array of at most 50 purposes (got undefined)');
    });

    it('allows at most 50 purposes', () => {
      const purposes = Array.from({ length: 51 }, (_, index) => ({ id: `p${index}`, label: 'P', description: 'P.' }));
      expect(errorOf({ version: '1', purposes }).field).to.equal('policy.purposes');
      expect(definePolicy({ version: '1', purposes: purposes.slice(0, 50) }).purposes).to.have.length(50);
    });

    it('requires each purpose to be a preset id or an object', () => {
      expect(messageOf(withPurpose(42, 1))).to.equal('policy.purposes[1] must be a preset id string or an object (got 42)');
    });

    it('says when a purpose id is not built in, and what to give instead', () => {
      expect(messageOf(withPurpose('marketing'))).to.equal(
        'policy.purposes[0] "marketing" is not a built-in purpose (necessary, functional, personalization, analytics, advertising); ' +
          'give an object with id, label and description instead',
      );
    });

    it('requires lowercase letters, digits or "-" in an id', () => {
      expect(messageOf(withPurpose({ id: 'Ads!', label: 'Ads', description: 'Ads.' }, 2))).to.equal(
        'policy.purposes[2].id "Ads!" must be lowercase letters, digits or "-" (starting with a letter, at most 40)',
      );
      expect(errorOf(withPurpose({ id: '1st', label: 'A', description: 'A.' })).rule).to.equal('pattern');
      expect(errorOf(withPurpose({ id: 'a'.repeat(41), label: 'A', description: 'A.' })).rule).to.equal('pattern');
    });

    it('requires an id on every object', () => {
      expect(messageOf(withPurpose({ label: 'Chat', description: 'Live chat.' }))).to.equal('policy.purposes[0].id is missing');
    });

    it('refuses an id every object inherits', () => {
      expect(messageOf(withPurpose({ id: 'constructor', label: 'C', description: 'C.' }))).to.equal(
        'policy.purposes[0].id "constructor" is reserved by JavaScript; choose another id',
      );
    });

    it('names a duplicate id and where it first appeared', () => {
      expect(messageOf({ version: '1', purposes: ['necessary', 'analytics', { id: 'analytics', retention: '1 month' }] })).to.equal(
        'policy.purposes[2].id "analytics" is a duplicate of policy.purposes[1]',
      );
    });

    it('requires a label for a purpose that is not built in', () => {
      expect(messageOf(withPurpose({ id: 'newsletter', description: 'Emails.' }))).to.equal(
        'policy.purposes[0].label is required: "newsletter" is not a built-in purpose',
      );
    });

    it('requires a description for a purpose that is not built in', () => {
      expect(messageOf(withPurpose({ id: 'newsletter', label: 'Newsletter' }))).to.equal(
        'policy.purposes[0].description is required: "newsletter" is not a built-in purpose',
      );
    });

    it('limits a label to a non-empty string of 200 characters', () => {
      expect(messageOf(withPurpose({ id: 'analytics', label: '' }))).to.equal(
        'policy.purposes[0].label must be a non-empty string of at most 200 characters (got "")',
      );
      expect(errorOf(withPurpose({ id: 'analytics', label: 'l'.repeat(201) })).field).to.equal('policy.purposes[0].label');
    });

    it('limits a description to a non-empty string of 2000 characters', () => {
      expect(messageOf(withPurpose({ id: 'analytics', description: ['Counts visits'] }))).to.equal(
        'policy.purposes[0].description must be a non-empty string of at most 2000 characters (got ["Counts visits"])',
      );
      expect(errorOf(withPurpose({ id: 'analytics', description: 'd'.repeat(2001) })).rule).to.equal('type');
    });

    it('requires required to be true or false', () => {
      expect(messageOf(withPurpose({ id: 'analytics', required: 'yes' }))).to.equal('policy.purposes[0].required must be true or false (got "yes")');
    });

    it('requires saleOrShare to be true or false', () => {
      expect(messageOf(withPurpose({ id: 'analytics', saleOrShare: 1 }))).to.equal('policy.purposes[0].saleOrShare must be true or false (got 1)');
    });

    it('requires data categories to be a list of non-empty strings', () => {
      expect(messageOf(withPurpose({ id: 'analytics', dataCategories: 'pages' }))).to.equal(
        'policy.purposes[0].dataCategories must be an array of at most 20 non-empty strings (got "pages")',
      );
      expect(messageOf(withPurpose({ id: 'analytics', dataCategories: ['Pages', ''] }))).to.equal(
        'policy.purposes[0].dataCategories[1] must be a non-empty string of at most 200 characters (got "")',
      );
    });

    it('requires recipients to be a list of non-empty strings', () => {
      expect(messageOf(withPurpose({ id: 'analytics', recipients: [null] }))).to.equal(
        'policy.purposes[0].recipients[0] must be a non-empty string of at most 200 characters (got null)',
      );
    });

    it('requires retention to be a string', () => {
      expect(messageOf(withPurpose({ id: 'analytics', retention: 13 }))).to.equal(
        'policy.purposes[0].retention must be a non-empty string of at most 200 characters (got 13)',
      );
    });

    it('requires one of the four legal bases', () => {
      expect(messageOf(withPurpose({ id: 'analytics', legalBasis: 'opt-in' }))).to.equal(
        'policy.purposes[0].legalBasis "opt-in" must be one of consent, legitimate-interest, contract, legal-obligation',
      );
    });

    it('names a misspelled purpose key and the key it probably meant', () => {
      expect(messageOf(withPurpose({ id: 'chat', label: 'Chat', description: 'Chat.', requried: true }))).to.equal(
        'policy.purposes[0] has an unknown key "requried" (did you mean "required"?)',
      );
    });

    it('refuses a required purpose that is a sale or share', () => {
      expect(messageOf(withPurpose({ id: 'advertising', required: true }))).to.equal(
        'policy.purposes[0] cannot be both required and saleOrShare: a sale or share of personal information is never strictly necessary',
      );
    });
  });
});
