import { useEffect, useState } from 'react';

/** `#share=…` in the address, taken out of it at once so the key does not linger in the address bar. */
export function useShareFragment(): [string | null, () => void] {
  const [fragment, setFragment] = useState<string | null>(() => takeShareFragment());
  useEffect(() => {
    // A link pasted into an open tab changes only the hash: no reload.
    const onHash = () => {
      const taken = takeShareFragment();
      if (taken !== null) setFragment(taken);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [fragment, () => setFragment(null)];
}

function takeShareFragment(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith('#share=')) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return hash;
}
