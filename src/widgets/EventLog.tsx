import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hop, RunEvent } from '../engine';
import { useNodeName } from './node-names';
import { useStepText } from './step-text';

const ANNOUNCE_EVERY_MS = 3000;

/**
 * The animation as text: the changes made to the run (by its script or by the student), recent
 * hops as a list (each can be inspected from the keyboard) and a throttled live announcement, so
 * a screen-reader user follows the traffic without being flooded. A change is announced at once.
 */
export function EventLog({
  hops,
  events,
  selected,
  onInspect,
  playing,
}: {
  hops: Hop[];
  events: readonly RunEvent[];
  selected: number | null;
  onInspect: (packetId: number) => void;
  playing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const name = useNodeName();
  const stepText = useStepText();
  const describeEvent = (event: RunEvent) =>
    `${t('widget.log.step', {
      time: t('widget.unit.seconds', {
        value: new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
          event.atMs / 1000,
        ),
      }),
      what: stepText([event.step]),
    })} (${t(event.source === 'script' ? 'widget.log.scripted' : 'widget.log.yours')})`;
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
  const lastEvent = events[events.length - 1];
  return (
    <section className="event-log" aria-label={t('widget.log.title')}>
      <p className="event-log__title">{t('widget.log.title')}</p>
      {events.length > 0 && (
        <ol className="event-log__changes">
          {events.slice(-4).map((event, i) => (
            <li key={`${event.atMs}-${i}`} data-source={event.source}>
              {describeEvent(event)}
            </li>
          ))}
        </ol>
      )}
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
      {/* A change to the run is announced as it happens, apart from the throttled traffic. */}
      <p className="visually-hidden" aria-live="polite">
        {lastEvent ? describeEvent(lastEvent) : ''}
      </p>
    </section>
  );
}
