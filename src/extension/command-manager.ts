import * as vscode from 'vscode';

/** One contributed command: its id (as in package.json) and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers commands and disposes them together. */
export class CommandManager implements vscode.Disposable {
  private readonly registrations = new Map<string, vscode.Disposable>();

  register<T extends Command>(command: T): T {
    if (this.registrations.has(command.id)) throw new Error(`command ${command.id} registered twice`);
    this.registrations.set(command.id, vscode.commands.registerCommand(command.id, command.execute, command));
    return command;
  }

  dispose(): void {
    for (const r of this.registrations.values()) r.dispose();
    this.registrations.clear();
  }
}
