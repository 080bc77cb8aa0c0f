import { safeUrl } from '../internal/safe-url.js';
import {
  PayloadError,
  expectArray,
  expectKnownKeys,
  expectNumber,
  expectObject,
  expectOneOf,
  expectString,
  optionalString,
  own,
} from '../internal/validate.js';
import { EXPLANATION_ACTIONS, REASON_KINDS, type ValidExplanation } from './why.types.js';

const EXPLANATION_KEYS = [
  'kind',
  'headline',
  'reasons',
  'dataCategories',
  'topic',
  'sponsor',
  'omittedReasons',
  'mainParametersUrl',
  'controls',
];
const REASON_KEYS = ['kind', 'label', 'weight', 'signal'];
const SPONSOR_KEYS = ['onBehalfOf', 'paidBy'];

/**
 * Checks an explanation from a host and returns a clean copy, or throws a `PayloadError`
 * naming the first field that breaks a rule (e.g. `explanation.reasons[1].weight must be
 * between 0 and 1, got 7`).
 */
export function parseExplanation(value: unknown): ValidExplanation {
  const root = 'explanation';
  const input = expectObject(value, root);
  expectKnownKeys(input, root, EXPLANATION_KEYS);

  const kind = own(input, 'kind') === undefined ? 'recommendation' : expectOneOf(own(input, 'kind'), `${root}.kind`, ['recommendation', 'ad'] as const);
  const headline = expectString(own(input, 'headline'), `${root}.headline`, { max: 200 });

  const reasonList = expectArray(own(input, 'reasons'), `${root}.reasons`, { max: 20 });
  if (reasonList.length === 0) throw new PayloadError(`${root}.reasons`, 'must list at least one reason');
  const reasons = reasonList.map((entry, index) => {
    const field = `${root}.reasons[${index}]`;
    const reason = expectObject(entry, field);
    expectKnownKeys(reason, field, REASON_KEYS);
    const weight = own(reason, 'weight');
    return {
      kind: expectOneOf(own(reason, 'kind'), `${field}.kind`, REASON_KINDS),
      label: expectString(own(reason, 'label'), `${field}.label`, { max: 300 }),
      weight: weight === undefined || weight === null ? null : expectNumber(weight, `${field}.weight`, { min: 0, max: 1 }),
      signal: optionalString(own(reason, 'signal'), `${field}.signal`, { max: 100 }),
    };
  });

  const categories = own(input, 'dataCategories');
  const dataCategories =
    categories === undefined
      ? []
      : expectArray(categories, `${root}.dataCategories`, { max: 20 }).map((entry, index) =>
          expectString(entry, `${root}.dataCategories[${index}]`, { max: 200 }),
        );

  const topic = optionalString(own(input, 'topic'), `${root}.topic`, { max: 100 });

  let sponsor: ValidExplanation['sponsor'] = null;
  const rawSponsor = own(input, 'sponsor');
  if (rawSponsor !== undefined && rawSponsor !== null) {
    const field = `${root}.sponsor`;
    const object = expectObject(rawSponsor, field);
    expectKnownKeys(object, field, SPONSOR_KEYS);
    sponsor = {
      onBehalfOf: expectString(own(object, 'onBehalfOf'), `${field}.onBehalfOf`, { max: 200 }),
      paidBy: optionalString(own(object, 'paidBy'), `${field}.paidBy`, { max: 200 }),
    };
  }
  if (kind === 'ad' && !sponsor) {
    throw new PayloadError(`${root}.sponsor`, 'is required when kind is "ad" (who the ad is shown for and who paid)');
  }

  const omitted = own(input, 'omittedReasons');
  const omittedReasons =
    omitted === undefined ? 0 : expectNumber(omitted, `${root}.omittedReasons`, { min: 0, max: 1000, integer: true });

  let mainParametersUrl: string | null = null;
  const rawUrl = own(input, 'mainParametersUrl');
  if (rawUrl !== undefined && rawUrl !== null) {
    const text = expectString(rawUrl, `${root}.mainParametersUrl`, { max: 2000 });
    mainParametersUrl = safeUrl(text);
    if (!mainParametersUrl) {
      throw new PayloadError(`${root}.mainParametersUrl`, 'must be an http(s) or relative URL');
    }
  }

  const rawControls = own(input, 'controls');
  const controls =
    rawControls === undefined
      ? [...EXPLANATION_ACTIONS]
      : [
          ...new Set(
            expectArray(rawControls, `${root}.controls`, { max: 10 }).map((entry, index) =>
              expectOneOf(entry, `${root}.controls[${index}]`, EXPLANATION_ACTIONS),
            ),
          ),
        ];

  return { kind, headline, reasons, dataCategories, topic, sponsor, omittedReasons, mainParametersUrl, controls };
}
