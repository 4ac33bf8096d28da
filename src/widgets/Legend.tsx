import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SHAPES } from '../viz/packet-sprites';
import { LockIcon } from './LockIcon';

/** What each packet shape and colour means, drawn with the same shapes as the picture. */
export const Legend = memo(function Legend() {
  const { t } = useTranslation();
  const items = ['request', 'response', 'handshake', 'health'] as const;
  return (
    <ul className="packet-flow__legend" aria-label={t('widget.legend')}>
      {items.map((kind) => (
        <li key={kind}>
          <svg
            width="16"
            height="16"
            viewBox="-8 -8 16 16"
            aria-hidden="true"
            className={`pf-packet pf-packet--${kind === 'handshake' ? 'tls' : kind}`}
          >
            <path className="pf-packet__shape" d={SHAPES[kind === 'handshake' ? 'tls' : kind]} />
          </svg>
          {kind === 'handshake' ? t('widget.legendHandshake') : t(`widget.kind.${kind}`)}
        </li>
      ))}
      <li>
        <LockIcon /> {t('widget.encrypted')}
      </li>
    </ul>
  );
});
