import { useEffect, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { createPacketFlowRenderer, type RendererLabels } from '../viz/packet-flow-renderer';
import { useNodeName } from './node-names';
import type { LoopHandles } from './use-simulation-loop';

/** The picture's height: CSS sets it (shorter on a phone); this is the fallback where CSS is absent. */
const HEIGHT = 320;
const pictureSize = (svg: SVGSVGElement, width?: number) => ({
  width: width || svg.clientWidth || 640,
  height: svg.clientHeight || HEIGHT,
});

/**
 * Creates the D3 renderer for a widget's `<svg>` (and its packet canvas), hands it to the loop,
 * keeps it sized to the element, and destroys it with the loop or when the language changes.
 */
export function usePacketRenderer({
  loop,
  svgRef,
  packetHostRef,
  onSelect,
  onClear,
}: {
  loop: LoopHandles;
  svgRef: RefObject<SVGSVGElement | null>;
  packetHostRef: RefObject<HTMLDivElement | null>;
  onSelect: (packetId: number) => void;
  onClear: () => void;
}): void {
  const { t } = useTranslation();
  const nodeName = useNodeName();
  const labels = useMemo(
    (): RendererLabels => ({
      balancer: (mode, tls) => [mode.toUpperCase(), t(`widget.tls.${tls}`)] as const,
      // The L4 tier says how many nodes the routers spread flows over ("L4 tier ×4").
      node: (node: { id: string; count?: number }) =>
        node.count !== undefined && node.count > 1
          ? t('widget.node.l4TierCount', { name: nodeName(node.id), count: node.count })
          : nodeName(node.id),
    }),
    [t, nodeName],
  );
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return undefined;
    const renderer = createPacketFlowRenderer(svg, { labels, packetHost: packetHostRef.current, onSelect, onClear });
    loop.attach(renderer);
    renderer.resize(pictureSize(svg));
    renderer.setTopology(loop.sim.topology());
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(([entry]) => entry && renderer.resize(pictureSize(svg, entry.contentRect.width)));
    observer?.observe(svg);
    return () => {
      observer?.disconnect();
      renderer.destroy();
      loop.attach(null);
    };
  }, [labels, loop, svgRef, packetHostRef, onSelect, onClear]);
}

export { HEIGHT as PICTURE_HEIGHT };
