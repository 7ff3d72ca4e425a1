import type { ApiError } from './api-error.util';

/** What a store knows about one remote resource. */
export interface RequestState<T> {
  data: T | null;
  loading: boolean;
  error: ApiError | null;
}

export function idle<T>(data: T | null = null): RequestState<T> {
  return { data, loading: false, error: null };
}

/** Keeps the previous data on screen while the next request runs. */
export function loading<T>(state: RequestState<T>): RequestState<T> {
  return { ...state, loading: true, error: null };
}

export function loaded<T>(data: T): RequestState<T> {
  return { data, loading: false, error: null };
}

export function failed<T>(state: RequestState<T>, error: ApiError): RequestState<T> {
  return { ...state, loading: false, error };
}
