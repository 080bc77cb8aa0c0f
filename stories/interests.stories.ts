import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import { CandorElement } from '../src/internal/candor-element.js';
import { controlStyles } from '../src/internal/controls.styles.js';
import { InterestsSection, interestsSectionStyles, type Interest } from '../src/preferences/interests-section.js';
import type { CandorInterestsRequestEvent } from '../src/events/interests-request.js';
import type { CandorProfileEditEvent } from '../src/events/profile-edit.js';

/**
 * A stand-in for `<candor-preferences>`: mounts the section exactly as the privacy center
 * does (one controller, its render, its styles), so the section can be shown on its own.
 */
class InterestsStoryHost extends CandorElement {
  static override styles = [...CandorElement.styles, controlStyles, ...interestsSectionStyles];
  readonly interestsSection = new InterestsSection(this, { headingLevel: 2 });
  /** What the privacy center would forward to the section. */
  set interests(value: Interest[] | undefined) {
    this.interestsSection.interests = value;
  }
  protected override render(): TemplateResult {
    return html`<div style="padding: 1rem; background: var(--_candor-surface); color: var(--_candor-text)">
      ${this.interestsSection.render()}
    </div>`;
  }
}
if (!customElements.get('candor-interests-story-host')) customElements.define('candor-interests-story-host', InterestsStoryHost);

const sample: Interest[] = [
  { id: 'cycling', label: 'Cycling', source: 'Articles you read', weight: 0.8 },
  { id: 'trail-running', label: 'Trail running', source: 'You told us', weight: 0.55 },
  { id: 'cooking', label: 'Vegetarian cooking', source: 'Videos you watched', weight: 0.2 },
];

interface InterestsArgs {
  interests: Interest[];
}

interface Setup {
  interests?: Interest[];
  onRequest?: (event: CandorInterestsRequestEvent) => void;
  onEdit?: (event: CandorProfileEditEvent) => void;
}

function renderSection(setup: Setup): TemplateResult {
  return html`<candor-interests-story-host
    .interests=${setup.interests}
    @candor-interests-request=${setup.onRequest ?? (() => {})}
    @candor-profile-edit=${setup.onEdit ?? ((event: CandorProfileEditEvent) => event.respondWith(Promise.resolve()))}
  ></candor-interests-story-host>`;
}

const host = (canvas: HTMLElement) => canvas.querySelector('candor-interests-story-host') as InterestsStoryHost;

const meta: Meta<InterestsArgs> = {
  title: 'Elements/candor-preferences/What we think you like',
  args: { interests: sample },
  parameters: {
    docs: {
      description: {
        component:
          'The interests section of the privacy center. Set `interests`, or answer `candor-interests-request` with `respondWith`; removing an interest or marking it wrong fires `candor-profile-edit`, confirmed with `respondWith`.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<InterestsArgs>;

export const Loaded: Story = {
  render: (args) => renderSection({ interests: args.interests }),
};

export const Empty: Story = {
  args: { interests: [] },
  render: (args) => renderSection({ interests: args.interests }),
};

/** The host is still answering `candor-interests-request`. */
export const Loading: Story = {
  render: () => renderSection({ onRequest: (event) => event.respondWith(new Promise(() => {})) }),
};

/** The host's answer failed: an error with Try again. */
export const LoadFailed: Story = {
  name: 'Error',
  render: () => renderSection({ onRequest: (event) => event.respondWith(Promise.reject(new Error('offline'))) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => {
      if (!host(canvasElement).shadowRoot!.querySelector('[part="interests-retry"]')) throw new Error('no Try again yet');
    });
  },
};

/** One interest removed and confirmed by the host. */
export const Edited: Story = {
  render: (args) => renderSection({ interests: args.interests }),
  play: async ({ canvasElement }) => {
    const el = host(canvasElement);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="interest-remove"]')!.click();
    await waitFor(() => {
      // The outcome by its tone, not its words: the story runs in every locale of the toolbar.
      const status = el.shadowRoot!.querySelector('[part="interests-status"]');
      if (!status?.classList.contains('success') || !status.textContent?.trim()) throw new Error(`status is "${status?.textContent?.trim()}"`);
    });
  },
};
