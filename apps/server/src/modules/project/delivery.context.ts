import type { Core } from '../../core/context.js';
import { EvidenceStore } from '../../core/files/evidence.js';
import { beijingDate } from '../hazard/hazard.rules.js';

/** What the delivery use cases share: the core, the one clock (tests choose "now") and the project file store. */
export interface DeliveryContext {
  core: Core;
  clock: () => Date;
  today(): string;
  /** Project documents under <data>/project-documents/<project id>/<document id>. */
  store: EvidenceStore;
}

export function deliveryContext(core: Core, clock: () => Date = () => new Date()): DeliveryContext {
  return {
    core,
    clock,
    today: () => beijingDate(clock()),
    store: new EvidenceStore(core.config.dataDir, 'project-documents'),
  };
}
