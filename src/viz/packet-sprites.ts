/**
 * Packet drawing shared by the canvas worker: each look a packet can have (kind, encrypted,
 * failed health check) is drawn once into a small sprite, so a frame is one drawImage per packet.
 * Software rasterisation of hundreds of anti-aliased paths a frame cost most of the frame budget
 * under 4× CPU throttling; sprites cost a fraction of it.
 */

export const KINDS = ['request', 'response', 'syn', 'tls', 'health'] as const;
export type PacketKind = (typeof KINDS)[number];

export const SHAPES: Record<PacketKind, string> = {
  request: 'M -5 0 A 5 5 0 1 0 5 0 A 5 5 0 1 0 -5 0 Z',
  response: 'M -4.5 -4.5 H 4.5 V 4.5 H -4.5 Z',
  syn: 'M 0 -6 L 6 0 L 0 6 L -6 0 Z',
  tls: 'M 0 -6 L 6 0 L 0 6 L -6 0 Z',
  health: 'M 0 -6 L 6 5 L -6 5 Z',
};
// A small padlock above the packet: body and shackle.
export const LOCK = 'M -3 -9 H 3 V -5 H -3 Z M -2 -9 V -11 A 2 2 0 0 1 2 -11 V -9';

/** Resolved colours (from the stylesheet, via probe elements on the main thread). */
export interface Palette {
  fill: Record<PacketKind, string>;
  stroke: string;
  failed: string;
  selected: string;
  lock: string;
}

/** A packet's look as one number: kind, encrypted and failed bits. */
export function styleIndex(kind: PacketKind, encrypted: boolean, failed: boolean): number {
  return KINDS.indexOf(kind) * 4 + (encrypted ? 2 : 0) + (failed ? 1 : 0);
}

const SPRITE_W = 24;
const SPRITE_H = 28;
const ORIGIN_X = 12;
const ORIGIN_Y = 16;

type Context2D = OffscreenCanvasRenderingContext2D;

/** Draws frames of packets into a 2D context: sprites per style, one ring for the selection. */
export class PacketPainter {
  private sprites = new Map<number, OffscreenCanvas>();
  private readonly shapes = Object.fromEntries(KINDS.map((k) => [k, new Path2D(SHAPES[k])])) as Record<
    PacketKind,
    Path2D
  >;
  private readonly lock = new Path2D(LOCK);

  constructor(
    private readonly context: Context2D,
    private palette: Palette,
    private ratio: number,
  ) {}

  setPalette(palette: Palette): void {
    this.palette = palette;
    this.sprites.clear();
  }

  setRatio(ratio: number): void {
    this.ratio = ratio;
    this.sprites.clear();
  }

  /** `packets` holds x, y and style index per packet; `selected` is an index into it, or -1. */
  paint(packets: Float32Array, count: number, selected: number): void {
    const { context: ctx, ratio } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    for (let i = 0; i < count; i++) {
      const x = packets[i * 3] as number;
      const y = packets[i * 3 + 1] as number;
      ctx.drawImage(
        this.sprite(packets[i * 3 + 2] as number),
        Math.round((x - ORIGIN_X) * ratio),
        Math.round((y - ORIGIN_Y) * ratio),
      );
    }
    if (selected >= 0 && selected < count) {
      const kind = KINDS[Math.floor((packets[selected * 3 + 2] as number) / 4)] ?? 'request';
      ctx.setTransform(
        ratio,
        0,
        0,
        ratio,
        (packets[selected * 3] as number) * ratio,
        (packets[selected * 3 + 1] as number) * ratio,
      );
      ctx.strokeStyle = this.palette.selected;
      ctx.lineWidth = 3;
      ctx.stroke(this.shapes[kind]);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    }
  }

  private sprite(style: number): OffscreenCanvas {
    let image = this.sprites.get(style);
    if (image) return image;
    const kind = KINDS[Math.floor(style / 4)] ?? 'request';
    const encrypted = (style & 2) !== 0;
    const failed = (style & 1) !== 0;
    const { ratio, palette } = this;
    image = new OffscreenCanvas(Math.ceil(SPRITE_W * ratio), Math.ceil(SPRITE_H * ratio));
    const g = image.getContext('2d');
    if (g) {
      g.setTransform(ratio, 0, 0, ratio, ORIGIN_X * ratio, ORIGIN_Y * ratio);
      g.fillStyle = failed ? palette.failed : palette.fill[kind];
      g.strokeStyle = palette.stroke;
      g.lineWidth = 1;
      g.fill(this.shapes[kind]);
      g.stroke(this.shapes[kind]);
      if (encrypted) {
        g.strokeStyle = palette.lock;
        g.lineWidth = 1.2;
        g.stroke(this.lock);
      }
    }
    this.sprites.set(style, image);
    return image;
  }
}
