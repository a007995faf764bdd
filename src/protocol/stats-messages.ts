/** The "Corpus Statistics" panel: the data it shows and the messages it exchanges. */
import type { CommonFromWebviewMessage } from './common-messages';

export const STATS_VIEW_TYPE = 'qualframe.stats';

/** One corpus root's counts, as `qualframe stats` reports them, plus its problem counts. */
export interface CorpusStatsView {
  /** The root folder's name. */
  readonly name: string;
  /** Its path or URI string, for display; also the `root` of an `openFile` message. */
  readonly root: string;
  /** The comparison attribute, e.g. "wave". */
  readonly attribute: string;
  readonly documents: number;
  readonly cases: number;
  readonly codes: number;
  readonly annotations: number;
  readonly orphans: number;
  /** Cases per value of {@link attribute}, in display order. */
  readonly casesByValue: readonly { readonly value: string; readonly cases: number }[];
  readonly errors: number;
  readonly warnings: number;
}

export interface StatsViewData {
  readonly corpora: readonly CorpusStatsView[];
  /** True while the corpus is being (re)loaded; the counts shown may be stale. */
  readonly loading: boolean;
}

/** The whole statistics, replacing whatever the panel showed. */
export interface StatsMessage {
  readonly type: 'stats';
  readonly data: StatsViewData;
}

export type StatsToWebviewMessage = StatsMessage;
export type StatsFromWebviewMessage = CommonFromWebviewMessage;

/** What the statistics webview keeps with `setState`, to redraw at once after a reload. */
export interface StatsPanelState {
  readonly version: 1;
  readonly data: StatsViewData;
}
