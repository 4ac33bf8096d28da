/**
 * The Lab's run: the widgets' loop (clock → run → renderer) with the time-series sampler in
 * between, so every 250 ms boundary of simulated time is sampled on the way, however far one
 * frame moves the clock.
 */
import { startRun } from '../../engine';
import { LoopHandles } from '../../widgets/use-simulation-loop';
import { WIDGET_TRACE_CAPACITY } from '../../widgets/use-widget-run';
import type { LabDoc } from '../design';
import { MAX_RUN_MS } from '../limits';
import { LabSampler } from '../series';
import { docToRunSpec } from '../to-run';

export class LabLoop extends LoopHandles {
  readonly sampler = new LabSampler();

  constructor(readonly doc: LabDoc) {
    super(startRun(docToRunSpec(doc), { traceCapacity: WIDGET_TRACE_CAPACITY }), MAX_RUN_MS);
  }

  override advanceTo(ms: number): void {
    this.clock.simMs = Math.min(ms, this.endMs);
    this.sampler.advance(this.run, this.clock.simMs);
  }
}
