import { useEffect, useState } from 'react';

/**
 * `#share=…` or `#invite=…` in the address, taken out of it at once so the
 * key or token does not linger in the address bar (or its history).
 */
export function useAddressFragment(prefix: '#share=' | '#invite='): [string | null, () => void] {
  const [fragment, setFragment] = useState<string | null>(() => takeFragment(prefix));
  useEffect(() => {
    // A link pasted into an open tab changes only the hash: no reload.
    const onHash = () => {
      const taken = takeFragment(prefix);
      if (taken !== null) setFragment(taken);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [prefix]);
  return [fragment, () => setFragment(null)];
}

function takeFragment(prefix: string): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(prefix)) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return hash;
}
