/**
 * Where `<candor-banner>` gets its policy: the `policy` property, a
 * `<script type="application/json">` named by `policy-source`, or its attributes. A
 * configuration that breaks a rule is reported with the field's name (and the attribute
 * it came from), and a fallback policy of the purposes that ARE valid lets the banner
 * still record a refusal.
 */
import { definePolicy, PolicyError, type Policy, type PolicyConfig } from '../core/index.js';

export interface BannerConfigInput {
  policy?: PolicyConfig | Policy | undefined;
  policySource?: string | undefined;
  purposes?: string | undefined;
  policyVersion?: string | undefined;
  policyUrl?: string | undefined;
  policyUpdated?: string | undefined;
  policySummary?: string | undefined;
}

export type BannerPolicy =
  /** No configuration at all: the host configures the store itself. */
  | { kind: 'none' }
  | { kind: 'valid'; policy: Policy }
  /** `message` names the field; `fallback` holds the valid purposes, to refuse them. */
  | { kind: 'invalid'; message: string; fallback: Policy };

/** The attribute each policy field comes from, so an error can name what the author wrote. */
const ATTRIBUTE_OF: Record<string, string> = {
  'policy.version': 'policy-version',
  'policy.url': 'policy-url',
  'policy.updated': 'policy-updated',
  'policy.summary': 'policy-summary',
  'policy.purposes': 'purposes',
};

export function resolveBannerPolicy(input: BannerConfigInput, root: Node): BannerPolicy {
  let config: unknown;
  let from: 'property' | 'source' | 'attributes';
  if (input.policy !== undefined && input.policy !== null) {
    config = input.policy;
    from = 'property';
  } else if (input.policySource) {
    from = 'source';
    const read = readPolicySource(input.policySource, root);
    if ('error' in read) return { kind: 'invalid', message: read.error, fallback: fallbackPolicy(null) };
    config = read.config;
  } else if (input.purposes !== undefined || input.policyVersion !== undefined) {
    from = 'attributes';
    config = attributeConfig(input);
  } else {
    return { kind: 'none' };
  }
  try {
    return { kind: 'valid', policy: definePolicy(config) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const attribute = from === 'attributes' && error instanceof PolicyError ? attributeFor(error.field) : null;
    const where =
      from === 'source' ? ` (in <script id="${input.policySource}">)` : attribute ? ` (from the "${attribute}" attribute)` : '';
    return { kind: 'invalid', message: `${message}${where}`, fallback: fallbackPolicy(config) };
  }
}

function attributeConfig(input: BannerConfigInput): Record<string, unknown> {
  const config: Record<string, unknown> = {
    version: input.policyVersion,
    purposes: (input.purposes ?? '').split(/\s+/).filter(Boolean),
  };
  if (input.policyUrl !== undefined) config.url = input.policyUrl;
  if (input.policyUpdated !== undefined) config.updated = input.policyUpdated;
  if (input.policySummary !== undefined) config.summary = input.policySummary;
  return config;
}

function attributeFor(field: string): string | null {
  const match = Object.keys(ATTRIBUTE_OF).find((prefix) => field === prefix || field.startsWith(`${prefix}[`));
  return match ? ATTRIBUTE_OF[match]! : null;
}

function readPolicySource(id: string, root: Node): { config: unknown } | { error: string } {
  const scope = root instanceof ShadowRoot || root instanceof Document ? root : document;
  const script = scope.getElementById(id) ?? document.getElementById(id);
  if (!(script instanceof HTMLScriptElement) || script.type !== 'application/json') {
    return { error: `policy-source "${id}" must name a <script type="application/json"> on the page` };
  }
  try {
    return { config: JSON.parse(script.textContent ?? '') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: `policy-source "${id}" is not valid JSON: ${reason}` };
  }
}

/**
 * The purposes of a broken configuration that are valid on their own (a version too, if
 * it is valid), or the built-in "necessary" purpose when none is: enough to record that
 * the visitor refused everything, never enough to ask for a grant.
 */
export function fallbackPolicy(config: unknown): Policy {
  const object = config !== null && typeof config === 'object' ? (config as Record<string, unknown>) : {};
  const version = Object.hasOwn(object, 'version') && isValid({ version: object.version, purposes: ['necessary'] })
    ? (object.version as string)
    : 'invalid-configuration';
  const entries = Object.hasOwn(object, 'purposes') && Array.isArray(object.purposes) ? object.purposes.slice(0, 50) : [];
  const seen = new Set<string>();
  const purposes = entries.filter((entry) => {
    if (!isValid({ version, purposes: [entry] })) return false;
    const id = typeof entry === 'string' ? entry : String((entry as { id: unknown }).id);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return definePolicy({ version, purposes: purposes.length ? purposes : ['necessary'] });
}

function isValid(config: unknown): boolean {
  try {
    definePolicy(config);
    return true;
  } catch {
    return false;
  }
}
