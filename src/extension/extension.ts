import * as vscode from 'vscode';
import { CodingDecorations } from './coding/coding-decorations';
import { CommandManager } from './command-manager';
import { ApplyCodeCommand } from './commands/apply-code';
import { InitialiseCorpusCommand } from './commands/initialise-corpus';
import { ReloadCorpusCommand } from './commands/reload-corpus';
import { CodeInVivoCommand } from './commands/code-in-vivo';
import { EditDocumentMemoCommand, OpenJournalCommand } from './commands/memo-commands';
import { EditSegmentMemoCommand, RecodeCommand, RemoveCodeCommand, ToggleIllustrativeCommand } from './commands/segment-commands';
import { AnchorHintsOnSave } from './coding/anchor-hints-on-save';
import { CodePicker } from './coding/code-picker';
import { FrontMatterFolding } from './coding/front-matter-folding';
import { OrphanFixes, ReattachOrphanCommand, RemoveOrphanCommand } from './coding/orphan-fixes';
import { ShowStatsCommand } from './commands/show-stats';
import { ValidateCorpusCommand } from './commands/validate-corpus';
import { CorpusService } from './corpus-service';
import { CorpusDiagnostics } from './diagnostics';
import { CorpusStatusBar } from './status-bar';
import { showError } from './user-errors';
import { CasesTree } from './views/cases-tree';
import { CodebookTree, describeRestrictedMode } from './views/codebook-tree';
import { codebookCommands } from './commands/codebook-commands';
import { createStatsPanel } from './stats-panel-wiring';
import { createMatrixPanels } from './matrix-panel-wiring';
import { createComparePanels } from './compare-panel-wiring';
import { CompareWavesCommand, OpenMatrixCommand } from './commands/open-corpus-panel';
import { ExportMatrixCommand } from './commands/export-matrix';
import { ExportComparisonCommand } from './commands/export-comparison';
import { ExportQuoteTableCommand } from './commands/export-quote-table';
import { ExportCodedDocumentCommand } from './commands/export-coded-document';
import { ImportTranscriptsCommand } from './commands/import-transcripts';
import { ExportQdpxCommand, ImportQdpxCommand } from './commands/refi-qda-commands';
import { ExportCodebookCommand } from './commands/export-codebook';
import { LiveCorpora } from './live-corpus';
import { SearchIndexes } from './search/search-indexes';
import { SearchResults } from './search/search-results';
import { ClearSearchResultsCommand, OpenSearchHitCommand, SearchCorpusCommand, refreshSearchResults } from './search/search-commands';
import { AutoCodeHitsCommand } from './search/auto-code-hits';
import { CodingChanges } from './review/coding-changes';
import { IntercoderAgreementCommand } from './review/agreement-command';
import { createAgreementPanel } from './webview/agreement-panel';
import { OpenCodingChangeCommand, OpenCodingChangeDiffCommand, ReviewCodingChangesCommand } from './review/review-commands';

/**
 * Composition root. Kept light: it wires things up and starts the corpus loading in the
 * background; nothing is read on this path.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('QualFrame', { log: true });
  const service = new CorpusService(log);
  const diagnostics = new CorpusDiagnostics(service);
  const stats = createStatsPanel(context, service, log);
  // The panels follow the editors: what is typed in a transcript or the codebook shows before it is saved.
  const live = new LiveCorpora(service);
  const matrix = createMatrixPanels(context, service, live, log);
  const compare = createComparePanels(context, service, live, log);
  const decorations = new CodingDecorations(service, (uri, orphans) => diagnostics.setLiveOrphans(uri, orphans));
  const picker = new CodePicker(context.workspaceState);
  const commands = new CommandManager();
  commands.register(new ApplyCodeCommand(service, picker));
  commands.register(new CodeInVivoCommand(service, picker));
  commands.register(new RemoveCodeCommand(service, decorations));
  commands.register(new RecodeCommand(service, decorations, picker));
  commands.register(new ToggleIllustrativeCommand(service, decorations));
  commands.register(new EditSegmentMemoCommand(service, decorations));
  commands.register(new EditDocumentMemoCommand(service));
  commands.register(new OpenJournalCommand(service));
  commands.register(new ReattachOrphanCommand(service));
  commands.register(new RemoveOrphanCommand(service));
  for (const command of codebookCommands(service)) commands.register(command);
  commands.register(new ValidateCorpusCommand(service, diagnostics));
  commands.register(new InitialiseCorpusCommand(() => service.reloadAll()));
  commands.register(new ShowStatsCommand(stats));
  commands.register(new OpenMatrixCommand(service, matrix));
  commands.register(new CompareWavesCommand(service, compare));
  commands.register(new ExportMatrixCommand(service, log, context.workspaceState));
  commands.register(new ExportComparisonCommand(service, log, context.workspaceState));
  commands.register(new ExportCodebookCommand(service, log, context.workspaceState));
  commands.register(new ExportQuoteTableCommand(service, log, context.workspaceState));
  commands.register(new ExportCodedDocumentCommand(service, log, context.workspaceState));
  commands.register(new ImportTranscriptsCommand(service, log));
  commands.register(new ExportQdpxCommand(service, log));
  commands.register(new ImportQdpxCommand(log));
  commands.register(new ReloadCorpusCommand(service));
  // Search: the indexes build in the background once the corpora load (not on this path).
  const searchIndexes = new SearchIndexes(service, log);
  const searchResults = new SearchResults();
  commands.register(new SearchCorpusCommand(service, searchIndexes, searchResults, context.workspaceState));
  commands.register(new OpenSearchHitCommand());
  commands.register(new ClearSearchResultsCommand(searchResults));
  commands.register(new AutoCodeHitsCommand(service, searchResults, picker));
  const codingChanges = new CodingChanges();
  commands.register(new ReviewCodingChangesCommand(service, codingChanges));
  commands.register(new OpenCodingChangeCommand(codingChanges));
  commands.register(new OpenCodingChangeDiffCommand(codingChanges));
  const agreement = createAgreementPanel(context, service, log);
  commands.register(new IntercoderAgreementCommand(service, agreement));
  const cases = new CasesTree(service);
  const codebook = new CodebookTree(service);
  context.subscriptions.push(
    log,
    service,
    diagnostics,
    stats,
    live,
    matrix,
    compare,
    decorations,
    new FrontMatterFolding(service),
    new AnchorHintsOnSave(service, log),
    new OrphanFixes(service),
    commands,
    searchIndexes,
    searchResults,
    codingChanges,
    agreement,
    refreshSearchResults(service, searchIndexes, searchResults),
    new CorpusStatusBar(service),
    cases,
    codebook,
    ...[
      vscode.window.createTreeView('qualframe.cases', { treeDataProvider: cases, showCollapseAll: true }),
      vscode.window.createTreeView('qualframe.codebook', { treeDataProvider: codebook, showCollapseAll: true }),
    ].flatMap((view) => [view, describeRestrictedMode(view)]),
    service.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', 'qualframe.hasCorpus', service.corpora.length > 0);
    }),
  );
  service.reloadAll().catch((e) => showError(log, 'the corpus could not be loaded', e));
}

export function deactivate(): void {}
