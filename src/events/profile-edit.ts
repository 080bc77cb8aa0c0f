import { CandorRequestEvent, type Acknowledgement } from '../internal/respond.js';

export interface ProfileEditDetail {
  /** The interest's id, as the host gave it. */
  interestId: string;
  /** `remove`: forget this interest. `mark-wrong`: it is wrong about me (forget it and learn from that). */
  action: 'remove' | 'mark-wrong';
  /** When the visitor asked (ISO 8601). */
  at: string;
}

/**
 * Fired by the "What we think you like" section of the privacy center when the visitor
 * removes an interest or marks it wrong. Confirm with `event.respondWith(promise)` (see
 * `Acknowledgement`); the list drops the interest once confirmed and says so, or keeps it
 * and says the change failed (also when nobody answers).
 */
export class CandorProfileEditEvent extends CandorRequestEvent<ProfileEditDetail, Acknowledgement> {
  static readonly type = 'candor-profile-edit';
  constructor(detail: ProfileEditDetail) {
    super(CandorProfileEditEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-profile-edit': CandorProfileEditEvent;
  }
}
