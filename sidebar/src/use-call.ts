/**
 * A server call's state for a view: loading, the value, or the error to show. `active`: a
 * kept-but-hidden view asks again each time it is shown, since other views write meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiInput, ApiName, ApiOutput } from '../../src/api/calls';
import { call } from './server';

export function useCall<N extends ApiName>(name: N, input?: ApiInput<N>, deps: unknown[] = [], active = true) {
  type T = ApiOutput<N>;
  const [state, setState] = useState<{ loading: boolean; value: T | null; error: string | null }>({
    loading: true,
    value: null,
    error: null,
  });
  const fetchIt = () => {
    setState((previous) => ({ ...previous, loading: true }));
    return call(name, input).then((reply) =>
      setState(reply.ok ? { loading: false, value: reply.value, error: null } : { loading: false, value: null, error: reply.error }),
    );
  };
  // The caller names what the input depends on: the input itself is a new object each render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  const load = useCallback(fetchIt, deps);
  useEffect(() => {
    void load();
  }, [load]);
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) void load();
    wasActive.current = active;
  }, [active, load]);
  return { ...state, reload: load };
}
