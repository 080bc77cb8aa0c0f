/// <reference path="./custom-elements.d.ts" />
// Storybook's view of the Custom Elements Manifest (scripts/manifest.mjs, served by main.ts):
// the docs table of each element (attributes and properties, events with their detail,
// parts, CSS properties with their default per theme) and the controls, all from the
// elements' JSDoc. Storybook's own reading of a manifest lists private fields and gives
// `string | undefined` an object editor; this one lists what a host can use and picks
// each control from the type.
import type { ArgTypes } from '@storybook/web-components-vite';
import manifest from 'virtual:candor/custom-elements-manifest';

export interface Manifest {
  modules: Array<{ path: string; declarations?: Declaration[] }>;
}

interface Described {
  name: string;
  description?: string;
}

interface Member extends Described {
  kind: 'field' | 'method';
  type?: { text: string };
  default?: string;
  static?: boolean;
  readonly?: boolean;
  privacy?: 'public' | 'private' | 'protected';
}

interface Attribute extends Described {
  fieldName?: string;
}

export interface CssProperty extends Described {
  default?: string;
  syntax?: string;
}

export interface ElementDeclaration extends Described {
  tagName: string;
  summary?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Array<Described & { type?: { text: string } }>;
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: CssProperty[];
}

type Declaration = ElementDeclaration | { tagName?: undefined };

export { manifest };

/** Every element the manifest describes. */
export const elements: ElementDeclaration[] = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((declaration): declaration is ElementDeclaration => Boolean(declaration.tagName)),
);

export function elementNamed(tagName: string): ElementDeclaration | undefined {
  return elements.find((element) => element.tagName === tagName);
}

/** Every `--candor-*` property some element reads, once, in the order first documented. */
export function allCssProperties(): CssProperty[] {
  const seen = new Map<string, CssProperty>();
  for (const element of elements) for (const property of element.cssProperties ?? []) if (!seen.has(property.name)) seen.set(property.name, property);
  return [...seen.values()];
}

/** Every event name some element fires. */
export function allEventNames(): string[] {
  return [...new Set(elements.flatMap((element) => (element.events ?? []).map((event) => event.name)))].sort();
}

/** Properties a host sets or reads: public instance fields. */
function hostProperties(element: ElementDeclaration): Member[] {
  return (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public');
}

/** The string literals of a union type (`'a' | 'b' | undefined` → a, b), or null when it is not one. */
function stringOptions(type: string): string[] | null {
  const parts = type.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined' && part !== 'null');
  if (!parts.length || !parts.every((part) => /^'[^']*'$/.test(part))) return null;
  return parts.map((part) => part.slice(1, -1));
}

function controlFor(type: string): ArgTypes[string]['control'] {
  const bare = type.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined' && part !== 'null');
  const options = stringOptions(type);
  if (options) return options.length <= 4 ? { type: 'inline-radio' } : { type: 'select' };
  if (bare.length === 1 && bare[0] === 'boolean') return { type: 'boolean' };
  if (bare.length === 1 && bare[0] === 'number') return { type: 'number' };
  if (bare.length === 1 && bare[0] === 'string') return { type: 'text' };
  // Objects (a policy, an explanation, interests) are set from code; the table documents them.
  return false;
}

/** `#1f3a93`-style values and colour functions, for colour controls. */
export function isColorProperty(property: CssProperty): boolean {
  return property.syntax === '<color>' || /-colou?r(-|$)/.test(property.name);
}

/** The rows and controls for one CSS custom property (applied by preview.ts's token decorator). */
export function cssPropertyArgType(property: CssProperty): ArgTypes[string] {
  return {
    name: property.name,
    description: property.description ?? '',
    control: isColorProperty(property) ? { type: 'color' } : { type: 'text' },
    table: {
      category: 'CSS custom properties',
      type: { summary: property.syntax ?? 'CSS value' },
      defaultValue: property.default === undefined ? undefined : { summary: property.default },
    },
  };
}

/**
 * The argTypes of one element from the manifest: properties (with the attribute that sets
 * each), events with their detail, parts and CSS custom properties. Used as
 * `parameters.docs.extractArgTypes`, so every story with `component: '<tag>'` gets them.
 */
export function argTypesFromManifest(tagName: string): ArgTypes | null {
  const element = elementNamed(tagName);
  if (!element) return null;
  const argTypes: ArgTypes = {};
  for (const member of hostProperties(element)) {
    const attribute = element.attributes?.find((candidate) => candidate.fieldName === member.name);
    const type = member.type?.text ?? 'unknown';
    const options = stringOptions(type);
    // The Theme toolbar sets `theme` on every element in a story; a control would be overwritten.
    const toolbar = member.name === 'theme';
    argTypes[member.name] = {
      name: member.name,
      description: [
        member.description,
        member.readonly ? 'Read-only.' : attribute ? `Attribute: \`${attribute.name}\`.` : 'Property only (no attribute).',
        toolbar ? 'Set by the Theme toolbar in Storybook.' : '',
      ]
        .filter(Boolean)
        .join(' '),
      control: toolbar || member.readonly ? false : controlFor(type),
      ...(options ? { options } : {}),
      table: {
        category: attribute ? 'attributes and properties' : 'properties',
        type: { summary: type },
        defaultValue: member.default === undefined ? undefined : { summary: member.default },
      },
    };
  }
  for (const event of element.events ?? []) {
    argTypes[event.name] = {
      name: event.name,
      description: event.description ?? '',
      control: false,
      table: { category: 'events', type: { summary: event.type?.text ?? 'Event' } },
    };
  }
  for (const slot of element.slots ?? []) {
    argTypes[`slot ${slot.name || '(default)'}`] = {
      name: slot.name || '(default)',
      description: slot.description ?? '',
      control: false,
      table: { category: 'slots' },
    };
  }
  for (const part of element.cssParts ?? []) {
    argTypes[`::part(${part.name})`] = {
      name: `::part(${part.name})`,
      description: part.description ?? '',
      control: false,
      table: { category: 'CSS parts' },
    };
  }
  for (const property of element.cssProperties ?? []) argTypes[property.name] = cssPropertyArgType(property);
  return argTypes;
}

/** The element's description for its docs page: the summary, then the class JSDoc. */
export function componentDescription(tagName: string): string {
  const element = elementNamed(tagName);
  if (!element) return '';
  return [element.summary ? `**${element.summary}**` : '', element.description ?? ''].filter(Boolean).join('\n\n');
}
