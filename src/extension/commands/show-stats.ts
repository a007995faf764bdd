import type { Command } from '../command-manager';

/** Opens the Corpus Statistics panel. */
export class ShowStatsCommand implements Command {
  readonly id = 'qualframe.showStats';

  constructor(private readonly panel: { show(): void }) {}

  execute(): void {
    this.panel.show();
  }
}
