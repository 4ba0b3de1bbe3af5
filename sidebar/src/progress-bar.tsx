/**
 * How far a pillar or goal has come (DESIGN §9), as a bar and in words: the percent and the
 * status are always written beside the bar ("63% · on track"), so the colour never says
 * anything alone. The bar stops at 100%; the words give the real figure (120%, -20%). The
 * server's sentence ("63%: 2% → 7% of 10%, on track (59% of the time gone)") is the bar's
 * description and its tooltip.
 */
import { useId } from 'preact/hooks';
import type { ProgressView } from './types';

/** A fraction as a whole percent, uncapped: 1.2 is "120%", -0.2 is "-20%". */
export const percentOf = (fraction: number) => `${Math.round(fraction * 100) || 0}%`;

/** "63% · on track", "no metric", "no data": what the bar says in words. */
export function progressWords(view: ProgressView): string {
  if (!view.measured) return 'no metric';
  if (view.progress === null) return view.status === 'no data' || view.status === null ? 'no data' : view.status;
  return view.status ? `${percentOf(view.progress)} · ${view.status}` : percentOf(view.progress);
}

/** The status as a class name: "on track" → "on-track". */
const tone = (view: ProgressView) =>
  !view.measured ? 'none' : view.progress === null ? 'no-data' : (view.status ?? 'none').replace(/ /g, '-');

export function ProgressBar({ view }: { view: ProgressView }) {
  // Each bar's own id for its description: a goal under two pillars has two bars.
  const described = useId();
  const words = progressWords(view);
  if (view.progress === null)
    return (
      <p class={`progress progress-${tone(view)}`} title={view.text}>
        <span class="progress-words">{words}</span>
        {view.text && view.text !== words && <span class="visually-hidden">: {view.text}</span>}
      </p>
    );
  const shown = Math.max(0, Math.min(1, view.progress));
  return (
    <div class={`progress progress-${tone(view)}`} title={view.text}>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={`Progress of ${view.title}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shown * 100)}
        aria-valuetext={words}
        aria-describedby={described}
      >
        <div class="progress-fill" style={{ width: `${shown * 100}%` }} />
      </div>
      <span class="progress-words" aria-hidden="true">
        {words}
      </span>
      <span id={described} class="visually-hidden">
        {view.text}
      </span>
    </div>
  );
}
