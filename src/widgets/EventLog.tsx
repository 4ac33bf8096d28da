import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hop } from '../engine';
import { useNodeName } from './node-names';

const ANNOUNCE_EVERY_MS = 3000;

/**
 * The animation as text: recent hops as a list (each can be inspected from the keyboard) and a
 * throttled live announcement, so a screen-reader user follows the traffic without being flooded.
 */
export function EventLog({
  hops,
  selected,
  onInspect,
  playing,
}: {
  hops: Hop[];
  selected: number | null;
  onInspect: (packetId: number) => void;
  playing: boolean;
}) {
  const { t } = useTranslation();
  const name = useNodeName();
  const describe = (hop: Hop) =>
    hop.kind === 'request' || hop.kind === 'response'
      ? t('widget.log.http', {
          kind: t(`widget.kind.${hop.kind}`),
          method: hop.facts.method,
          path: hop.facts.path,
          from: name(hop.from),
          to: name(hop.to),
        })
      : t('widget.log.other', { kind: t(`widget.kind.${hop.kind}`), from: name(hop.from), to: name(hop.to) });
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef<string>('');
  useEffect(() => {
    const hop = hops[hops.length - 1];
    latest.current = hop ? describe(hop) : '';
  });
  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => setAnnouncement(latest.current), ANNOUNCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [playing]);
  return (
    <section className="event-log" aria-label={t('widget.log.title')}>
      <p className="event-log__title">{t('widget.log.title')}</p>
      <ol className="event-log__list">
        {[...hops]
          .reverse()
          .slice(0, 8)
          .map((hop) => (
            <li key={hop.packetId}>
              <button
                type="button"
                className="event-log__item"
                aria-pressed={hop.packetId === selected}
                onClick={() => onInspect(hop.packetId)}
              >
                {describe(hop)}
              </button>
            </li>
          ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
