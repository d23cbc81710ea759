/**
 * `convention_bot_store_dropped_total`: rows the operations store could not write (full disk, locked
 * or damaged file, missing salt). Analytics may lose rows rather than delay answers, but never
 * silently: this counter is what an alert can watch. Rows dropped before the metrics were attached
 * (while the app was starting) are counted too.
 */
import { Counter, type Registry } from "prom-client";
import type { Store } from "./store.js";

export function countStoreDrops(store: Pick<Store, "onDrop" | "status">, registry: Registry): () => void {
  const dropped = new Counter({
    name: "convention_bot_store_dropped_total",
    help: "Rows (answers, votes) the operations store could not write and dropped",
    registers: [registry],
  });
  const unsubscribe = store.onDrop(() => dropped.inc());
  dropped.inc(store.status().dropped);
  return unsubscribe;
}
