import pg from 'pg';
import type { ChangeListener } from './db.js';

const RECONNECT_MS = 1000;

/**
 * LISTEN on one channel over a connection of its own (a pooled one would be handed to other
 * work). When the connection drops it reports a change (notifications may have been missed), is
 * not live, and reconnects every second until closed.
 */
export class PostgresChannelListener implements ChangeListener {
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onChange: () => void,
  ) {}

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onChange();
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    // Whatever committed while nobody listened is unknown.
    this.onChange();
  }

  live(): boolean {
    return this.client !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.onChange();
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) return;
    this.retry = setTimeout(() => {
      this.start().catch(() => this.reconnectLater());
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
