/**
 * Which of several parts hold typed text not sent yet: each part reports itself by id, and
 * the owner sees the set (the App, per view) or one yes or no (a view, over its forms).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useLatest } from './use-latest';

/** A set of ids, each switched on or off by its own reporter; unchanged reports keep the same set, so nothing re-renders for them. */
export function useMarks<T extends string>() {
  const [marks, setMarks] = useState<ReadonlySet<T>>(new Set());
  const mark = useCallback(
    (id: T) => (on: boolean) =>
      setMarks((before) => {
        if (before.has(id) === on) return before;
        const next = new Set(before);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  return { marks, mark };
}

/** Which of a view's forms hold typed text not sent yet, told to the view as one yes or no. */
export function useDirtySet(onDirty?: (dirty: boolean) => void) {
  const { marks, mark } = useMarks<string>();
  const report = useLatest(onDirty);
  const any = marks.size > 0;
  useEffect(() => report.current?.(any), [any, report]);
  return { any, mark };
}

/** A form tells its view whether it holds input not sent yet, and that it holds none once it is gone. */
export function useDirtyReport(dirty: boolean, onDirty: ((dirty: boolean) => void) | undefined) {
  const report = useLatest(onDirty);
  useEffect(() => report.current?.(dirty), [dirty, report]);
  useEffect(() => () => report.current?.(false), [report]);
}
