import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptStep } from '../engine';

/**
 * Scripted and student changes in words ("web-2 crashes", "3 servers added"), for the timeline
 * and the event log. Adds at the same moment read as one change.
 */
export function useStepText(): (steps: readonly ScriptStep[]) => string {
  const { t } = useTranslation();
  return useCallback(
    (steps: readonly ScriptStep[]) => {
      const adds = steps.filter((s) => s.action === 'add');
      const parts = steps
        .filter((s) => s.action !== 'add')
        .map((s) => {
          if (s.action === 'remove' && s.drainMs === 0) return t('widget.change.removeNow', { backend: s.backend });
          if (s.action !== 'update')
            return t(`widget.change.${s.action}`, { backend: 'backend' in s ? s.backend : '' });
          // The one setting scripts change that deserves its own words: the L4 node count.
          const nodes = s.patch.frontTier?.l4Nodes;
          return nodes !== undefined ? t('widget.change.l4Nodes', { count: nodes }) : t('widget.change.update');
        });
      if (adds.length > 0) parts.unshift(t('widget.change.add', { count: adds.length }));
      return parts.join('; ');
    },
    [t],
  );
}
