/** Messages between the note viewer webview and the extension host. Imported as types by both sides. */

export type NoteToWebview =
  | { type: 'show'; noteId: string; title: string; breadcrumb: string; html: string; scrollTo?: string; canGoBack: boolean }
  | { type: 'scrollTo'; slug: string };

/** The note view's buttons. */
export type NoteCommand = 'back' | 'review' | 'quiz' | 'search';
const NOTE_COMMANDS: readonly unknown[] = ['back', 'review', 'quiz', 'search'] satisfies NoteCommand[];

export type NoteFromWebview =
  | { type: 'ready' }
  | { type: 'openLink'; href: string }
  | { type: 'command'; command: NoteCommand }
  /** The section at the top of the view ('' above the first heading) of note `noteId`. */
  | { type: 'scrolled'; noteId: string; slug: string };

/** Host-side check of anything the webview posts: the webview is not trusted. */
export function parseNoteMessage(m: unknown): NoteFromWebview | undefined {
  if (!m || typeof m !== 'object') return undefined;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready': return { type: 'ready' };
    case 'openLink': return typeof o.href === 'string' && o.href.length < 2000 ? { type: 'openLink', href: o.href } : undefined;
    case 'command': return NOTE_COMMANDS.includes(o.command) ? { type: 'command', command: o.command as NoteCommand } : undefined;
    case 'scrolled': return typeof o.slug === 'string' && o.slug.length < 300 && typeof o.noteId === 'string' && o.noteId.length < 300
      ? { type: 'scrolled', noteId: o.noteId, slug: o.slug } : undefined;
    default: return undefined;
  }
}
