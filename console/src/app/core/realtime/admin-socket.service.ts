import { Injectable, effect, inject, signal } from '@angular/core';
import {
  ADMIN_NAMESPACE,
  ErrorCode,
  type AdminClientToServerEvents,
  type AdminServerToClientEvents,
  type HandshakeError,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { handshakeError } from './handshake-error.util';

export type SocketStatus = 'disconnected' | 'connecting' | 'connected';
type AdminSocket = Socket<AdminServerToClientEvents, AdminClientToServerEvents>;
type EventName = keyof AdminServerToClientEvents;

/**
 * The admin namespace socket. It authenticates with the in-memory access token at every
 * (re)connection; a handshake refused for an expired token refreshes the session once and retries.
 */
@Injectable({ providedIn: 'root' })
export class AdminSocketService {
  private readonly store = inject(AuthStore);
  private readonly auth = inject(AuthService);
  private socket: AdminSocket | null = null;
  private refreshedForHandshake = false;
  private readonly statusState = signal<SocketStatus>('disconnected');
  private readonly errorState = signal<HandshakeError | null>(null);

  readonly status = this.statusState.asReadonly();
  readonly handshakeError = this.errorState.asReadonly();

  constructor() {
    // Signing out closes the socket: it must not keep receiving another user's events.
    effect(() => {
      if (!this.store.isAuthenticated()) this.disconnect();
    });
  }

  /** Connects if needed; handlers registered with `on` survive reconnections. */
  connect(): void {
    if (this.socket) {
      if (!this.socket.connected) this.socket.connect();
      return;
    }
    const socket: AdminSocket = io(ADMIN_NAMESPACE, {
      auth: (callback) => callback({ token: this.store.accessToken() }),
      transports: ['websocket'],
    });
    this.statusState.set('connecting');
    socket.on('connect', () => {
      this.refreshedForHandshake = false;
      this.errorState.set(null);
      this.statusState.set('connected');
    });
    socket.on('disconnect', () => this.statusState.set('disconnected'));
    socket.on('connect_error', (error) => this.onConnectError(error));
    this.socket = socket;
  }

  on<E extends EventName>(event: E, handler: AdminServerToClientEvents[E]): () => void {
    this.connect();
    const socket = this.socket as AdminSocket;
    // socket.io's typed emitter narrows listeners by event name; the cast keeps that pairing.
    socket.on(event, handler as never);
    return () => {
      socket.off(event, handler as never);
    };
  }

  disconnect(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.statusState.set('disconnected');
  }

  private onConnectError(error: Error): void {
    const reason = handshakeError(error);
    if (!reason) {
      // Transport trouble: socket.io keeps retrying by itself.
      this.statusState.set('connecting');
      return;
    }
    this.errorState.set(reason);
    this.statusState.set('disconnected');
    if (reason.code === ErrorCode.TokenExpired && !this.refreshedForHandshake) {
      this.refreshedForHandshake = true;
      this.auth.refreshAccessToken().subscribe({
        next: () => this.socket?.connect(),
        error: () => this.disconnect(),
      });
    }
  }
}
