// The package's main entry: the consent core, element classes, events and types, with no
// side effects. Importing it registers no tag; see `candor/define/*` and `candor/all` for that.
export * from './core/index.js';
export * from './banner/banner.js';
export * from './preferences/preferences.js';
export * from './why/why.js';
export type * from './why/why.types.js';
export * from './feedback/feedback.js';
export type * from './feedback/feedback.types.js';
export * from './events/data-request.js';
export * from './events/explanation-control.js';
export * from './events/explanation-rating.js';
export * from './events/explanation-request.js';
export * from './events/feedback.js';
export * from './events/feedback-undo.js';
export * from './events/interests-request.js';
export * from './events/preferences-request.js';
export * from './events/profile-edit.js';
export type { Interest } from './preferences/interests-section.js';
export { CandorRequestEvent, DEFAULT_TIMEOUT_MS, type Acknowledgement } from './internal/respond.js';
