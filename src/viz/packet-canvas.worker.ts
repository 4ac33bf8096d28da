/**
 * Draws packets on an OffscreenCanvas off the main thread: rasterising and committing the canvas
 * each frame then costs the page nothing, so the engine step and the rest of the widget keep the
 * main thread's frame budget. The main thread sends positions; hit testing stays there.
 */
import { PacketPainter, type Palette } from './packet-sprites';

export type ToWorker =
  | { type: 'init'; canvas: OffscreenCanvas; palette: Palette; ratio: number }
  | { type: 'palette'; palette: Palette }
  | { type: 'resize'; width: number; height: number; ratio: number }
  | { type: 'frame'; packets: Float32Array; count: number; selected: number };

let canvas: OffscreenCanvas | null = null;
let painter: PacketPainter | null = null;
let pending: Extract<ToWorker, { type: 'frame' }> | null = null;
let scheduled = false;

// Frames can arrive faster than they can be drawn (a slow device): keep only the newest.
const drawPending = () => {
  scheduled = false;
  if (pending && painter) painter.paint(pending.packets, pending.count, pending.selected);
  pending = null;
};

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      canvas = message.canvas;
      const context = canvas.getContext('2d');
      if (context) painter = new PacketPainter(context, message.palette, message.ratio);
      break;
    }
    case 'palette':
      painter?.setPalette(message.palette);
      break;
    case 'resize':
      if (canvas) {
        canvas.width = Math.round(message.width * message.ratio);
        canvas.height = Math.round(message.height * message.ratio);
      }
      painter?.setRatio(message.ratio);
      break;
    case 'frame':
      pending = message;
      if (!scheduled) {
        scheduled = true;
        if (typeof self.requestAnimationFrame === 'function') self.requestAnimationFrame(drawPending);
        else setTimeout(drawPending, 0);
      }
      break;
  }
};
