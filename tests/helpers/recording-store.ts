import type { Store } from '../../store/types';

/**
 * Wraps a store and keeps a JSON copy of the arguments of every call made to it, whatever the method,
 * to prove what is (not) stored.
 */
export function recordingStore<S extends Store>(inner: S): S & { readonly written: string[] } {
  const written: string[] = [];
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'written') return written;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        written.push(JSON.stringify(args));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as S & { readonly written: string[] };
}
