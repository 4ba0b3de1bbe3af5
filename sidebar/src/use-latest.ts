/**
 * The latest value of a prop, for effects that call a parent's callback: the parent makes a new
 * function each render, and an effect that depended on it would run (and report) every render.
 */
import { useRef } from 'preact/hooks';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
