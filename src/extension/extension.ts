import * as vscode from 'vscode';
import { CommandManager } from './command-manager';
import { InitialiseCorpusCommand } from './commands/initialise-corpus';
import { ValidateCorpusCommand } from './commands/validate-corpus';

/** Composition root. Kept light: nothing is read or indexed here. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('QualFrame', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('qualframe');
  const commands = new CommandManager();
  commands.register(new ValidateCorpusCommand(diagnostics, log));
  commands.register(new InitialiseCorpusCommand());
  context.subscriptions.push(log, diagnostics, commands);
}

export function deactivate(): void {}
