import { useEffect, useState } from 'react';

/** The width at which the Playground shows one pane at a time, as `@media (max-width: 900px)` in styles.css does. */
export const PANES_TAKE_TURNS = '(max-width: 900px)';

/** Whether a media query matches now, following changes (a rotated phone, a resized window). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const media = window.matchMedia?.(query);
    if (!media) return;
    const changed = () => setMatches(media.matches);
    changed();
    media.addEventListener('change', changed);
    return () => media.removeEventListener('change', changed);
  }, [query]);
  return matches;
}
