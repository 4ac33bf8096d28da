/**
 * The packet picture and its selection, shared by the lesson widget and the Lab: the `<svg>` the
 * renderer draws nodes in, the host of its packet canvas, and which packet is selected (choosing
 * one pauses the run, so it can be read). The inspector and the event log are the panels beside it.
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hop, RunEvent } from '../engine';
import { Disclosure } from './Disclosure';
import { EventLog } from './EventLog';
import { Inspector } from './Inspector';
import { PICTURE_HEIGHT, usePacketRenderer } from './use-packet-renderer';
import type { LoopHandles } from './use-simulation-loop';

export function usePacketPicture(loop: LoopHandles, pause: () => void) {
  const [selected, setSelected] = useState<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const packetHostRef = useRef<HTMLDivElement>(null);
  const selectPacket = useCallback(
    (packetId: number) => {
      setSelected(packetId);
      pause();
    },
    [pause],
  );
  const clearSelection = useCallback(() => setSelected(null), []);
  usePacketRenderer({ loop, svgRef, packetHostRef, onSelect: selectPacket, onClear: clearSelection });
  return { svgRef, packetHostRef, selected, setSelected, selectPacket, clearSelection };
}

export function PacketStage({
  svgRef,
  packetHostRef,
}: {
  svgRef: RefObject<SVGSVGElement | null>;
  packetHostRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <div className="packet-flow__stage">
      <svg
        ref={svgRef}
        className="packet-flow__svg"
        height={PICTURE_HEIGHT}
        role="img"
        // Focusable: arrow keys select the packets in flight (the renderer handles the keys).
        tabIndex={0}
        aria-label={`${t('widget.pictureLabel')} ${t('widget.pictureKeys')}`}
      />
      {/* The renderer draws packets on a canvas in here; the event log is their text alternative. */}
      <div ref={packetHostRef} className="packet-flow__packet-host" aria-hidden="true" />
    </div>
  );
}

/** The selected packet (from the recent hops or the loop's kept ones), for the inspector. */
export function selectedHop(loop: LoopHandles, recent: readonly Hop[], selected: number | null): Hop | null {
  if (selected === null) return null;
  return recent.find((h) => h.packetId === selected) ?? loop.hops.find((h) => h.packetId === selected) ?? null;
}

/** The inspector and the event log, each behind a disclosure remembered under `storagePrefix`. */
export function PacketPanels({
  storagePrefix,
  hop,
  recent,
  events,
  selected,
  playing,
  onInspect,
  onClose,
}: {
  storagePrefix: string;
  hop: Hop | null;
  recent: Hop[];
  events: readonly RunEvent[];
  selected: number | null;
  playing: boolean;
  onInspect: (packetId: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="packet-flow__panels">
      <Disclosure
        storageKey={`${storagePrefix}:inspector`}
        title={t('widget.inspector.title')}
        openFor={selected}
        className="packet-flow__panel"
      >
        <Inspector hop={hop} onClose={onClose} />
      </Disclosure>
      <Disclosure storageKey={`${storagePrefix}:log`} title={t('widget.log.title')} className="packet-flow__panel">
        <EventLog hops={recent} events={events} selected={selected} onInspect={onInspect} playing={playing} />
      </Disclosure>
    </div>
  );
}
