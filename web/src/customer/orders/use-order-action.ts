import { Toast } from 'antd-mobile';
import { useState } from 'react';
import { useFailureToast } from '../../mobile/use-form-submit';

/**
 * Runs one order action: `busy` names it while it runs; success shows `done` and reloads the order;
 * a refusal is shown and the order reloaded too (it may have moved on meanwhile, e.g. a 409).
 */
export function useOrderAction(reload: () => void) {
  const showFailure = useFailureToast();
  const [busy, setBusy] = useState<string | null>(null);
  async function run(name: string, call: () => Promise<unknown>, done?: string): Promise<boolean> {
    setBusy(name);
    try {
      await call();
      if (done) Toast.show({ icon: 'success', content: done });
      return true;
    } catch (error) {
      showFailure(error);
      return false;
    } finally {
      setBusy(null);
      reload();
    }
  }
  return { busy, run };
}
