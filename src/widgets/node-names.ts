import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Engine node ids (`clients`, `nat`, `lb`, `store`, `l4-tier`) in the student's language, for the
 * event log and the inspector. Backend ids (web-1, canary-1) are names, and stay as they are.
 */
export function useNodeName(): (id: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (id: string) => {
      switch (id) {
        case 'clients':
          return t('widget.node.clients');
        case 'nat':
          return t('widget.node.nat');
        case 'lb':
          return t('widget.node.balancer');
        case 'store':
          return t('widget.node.store');
        case 'l4-tier':
          return t('widget.node.l4Tier');
        default:
          return id;
      }
    },
    [t],
  );
}
