/**
 * "Freeze this plan"'s state: asking first, then the freezePlan call, then what it did in a
 * sentence ("Froze 27 rows into “Ladder snapshot 2026-12-02”.") or the server's refusal. Only
 * an ok reply says it froze; `onFrozen` gets the new tab's name.
 */
import { useState } from 'preact/hooks';
import { call } from './server';
import { useLatest } from './use-latest';

export type FreezeStep = 'idle' | 'asking' | 'busy';

export function useFreeze(onFrozen: (sheet: string) => void) {
  const [step, setStep] = useState<FreezeStep>('idle');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const frozen = useLatest(onFrozen);
  const ask = () => {
    setSaid(null);
    setStep('asking');
  };
  const back = () => setStep('idle');
  const freeze = () => {
    setStep('busy');
    void call('freezePlan').then((reply) => {
      setStep('idle');
      if (!reply.ok) return setSaid({ ok: false, text: reply.error });
      const { sheet, items } = reply.value;
      setSaid({ ok: true, text: `Froze ${items} ${items === 1 ? 'row' : 'rows'} into “${sheet}”.` });
      frozen.current(sheet);
    });
  };
  return { step, said, ask, back, freeze };
}
