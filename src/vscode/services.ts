/** The services every feature is given: built once in activate(), cheap to construct. */
import * as vscode from 'vscode';
import { ConfigService } from './config';
import { ContentService } from './content';
import { Log } from './log';

export interface Services {
  context: vscode.ExtensionContext;
  config: ConfigService;
  content: ContentService;
  log: Log;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const config = new ConfigService();
  const log = new Log();
  context.subscriptions.push(config, log);
  return { context, config, content: new ContentService(context.extensionUri), log };
}
