import type { Command } from '../command-manager';
import type { CorpusService } from '../corpus-service';

/** Reads every corpus again from disk (after changes made outside VS Code's view of files). */
export class ReloadCorpusCommand implements Command {
  readonly id = 'qualframe.reloadCorpus';

  constructor(private readonly service: CorpusService) {}

  execute(): Promise<void> {
    return this.service.reloadAll();
  }
}
