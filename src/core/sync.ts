/**
 * Carries consent records between the tabs of one origin: a BroadcastChannel named
 * `candor:<key>` (works whatever the storage, even memory), and `storage` events for the
 * key when the record lives in localStorage. It only transports; the store validates
 * what arrives and decides whether it is newer.
 */
export class CrossTabSync {
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly key: string,
    /** Whether the store keeps its record in localStorage (only then are storage events its own). */
    private readonly usesLocalStorage: () => boolean,
    private readonly receive: (record: string, persisted: boolean) => void,
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`candor:${key}`) : null;
    if (this.channel) this.channel.onmessage = (event: MessageEvent) => this.onMessage(event.data);
    window.addEventListener('storage', this.onStorage);
  }

  /** Tells the other tabs (a channel never delivers to its own sender, so there is no echo). */
  post(record: string, persisted: boolean): void {
    const message: SyncMessage = { type: 'candor-record', record, persisted };
    this.channel?.postMessage(message);
  }

  close(): void {
    this.channel?.close();
    window.removeEventListener('storage', this.onStorage);
  }

  private onMessage(data: unknown): void {
    const message = data as Partial<SyncMessage> | null;
    if (message?.type !== 'candor-record' || typeof message.record !== 'string') return;
    this.receive(message.record, message.persisted === true);
  }

  private readonly onStorage = (event: StorageEvent): void => {
    // A removed record is no decision: withdrawing consent is a record too.
    if (event.key !== this.key || event.newValue === null || !this.usesLocalStorage()) return;
    try {
      if (event.storageArea !== localStorage) return;
    } catch {
      return;
    }
    this.receive(event.newValue, true);
  };
}

interface SyncMessage {
  type: 'candor-record';
  record: string;
  persisted: boolean;
}
