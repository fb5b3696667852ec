/**
 * Whether a read of the device's database failed since the app opened: a query's fault, not an absent database
 * (the sync status says that one). The staff layout says so once, where otherwise each screen would show
 * "loading" for ever; a reload is what there is to try.
 */
export const localReads = $state({ failed: false });
